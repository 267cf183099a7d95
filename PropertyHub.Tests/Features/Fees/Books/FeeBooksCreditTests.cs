using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Fees.Books;

namespace PropertyHub.Tests.Features.Fees.Books;

/// <summary>The known books (see <see cref="BooksScenario"/>) and then 400 paid on 1 Dec: more than is owed, the rest is credit.</summary>
public sealed class FeeBooksCreditTests : IAsyncLifetime
{
    private readonly ClockedAppFactory factory = new(BooksScenario.Start);
    private BooksScenario.Known known = null!;

    public async Task InitializeAsync()
    {
        known = await BooksScenario.RunAsync(factory, async unitId =>
        {
            factory.At(2026, 12, 1, 10);
            Assert.True((await PaymentServiceTests.PayAsync(factory, unitId, "400")).Ok);
        });
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Overpayment_StatementShowsCreditAndNothingIsInArrears()
    {
        var statement = await factory.WithAsync(sp => sp.GetRequiredService<FeeBooks>().StatementAsync(known.UnitId));
        var december = await factory.BookAsync(known.EstateId, 2026, 12);
        var november = await factory.BookAsync(known.EstateId, 2026, 11);

        Assert.Equal((880.50m, 950m, 0m, 69.50m), (statement!.Billed, statement.Paid, statement.Outstanding, statement.Credit));
        Assert.Equal([(new DateOnly(2026, 10, 1), 50m), (new DateOnly(2026, 11, 1), 280.50m)], statement.Payments[^1].Allocations.Select(a => (a.Month, a.Amount)));
        Assert.Equal((0m, 0m, 400m, 0m), (december!.Estate.Receivable, december.Estate.Collected, december.Estate.ReceivedInMonth, december.Estate.Arrears));
        Assert.Equal((280.50m, 280.50m, 1d), (november!.Estate.Receivable, november.Estate.Collected, november.Estate.CollectionRate));
        Assert.All(december.Aging, b => Assert.Equal((0m, 0), (b.Amount, b.Requests)));
    }
}
