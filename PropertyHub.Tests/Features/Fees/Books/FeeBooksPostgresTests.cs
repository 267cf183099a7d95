using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Fees.Books;

namespace PropertyHub.Tests.Features.Fees.Books;

/// <summary>The same known books on PostgreSQL: the in-memory sums and the SQL (double) sums of the trend agree with the hand-computed figures.</summary>
[Collection(PostgresCollection.Name)]
public sealed class FeeBooksPostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Books_OnPostgres_SameFiguresAsComputedByHand()
    {
        await using var factory = new ClockedAppFactory(BooksScenario.Start)
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("books_" + Guid.NewGuid().ToString("N")[..8]),
        };
        var known = await BooksScenario.RunAsync(factory);

        var october = await factory.BookAsync(known.EstateId, 2026, 10);
        var november = await factory.BookAsync(known.EstateId, 2026, 11);

        Assert.Equal((300m, 250m, 450m, 50m), (october!.Estate.Receivable, october.Estate.Collected, october.Estate.ReceivedInMonth, october.Estate.Arrears));
        Assert.Equal((280.50m, 0m, 100m, 330.50m), (november!.Estate.Receivable, november.Estate.Collected, november.Estate.ReceivedInMonth, november.Estate.Arrears));
        Assert.Equal([(300m, 300m), (300m, 250m), (280.50m, 0m)], november.Collection.TakeLast(3).Select(m => (m.Receivable, m.Collected)));
        Assert.Equal([0m, 0m, 280.50m, 50m, 0m], november.Aging.Select(b => b.Amount));
        var statement = await factory.WithAsync(sp => sp.GetRequiredService<FeeBooks>().StatementAsync(known.UnitId));
        Assert.Equal((880.50m, 550m, 330.50m, 0m), (statement!.Billed, statement.Paid, statement.Outstanding, statement.Credit));
    }
}
