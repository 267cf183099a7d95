using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Counter;

namespace PropertyHub.Tests.Features.Fees.Counter;

/// <summary>A unit's payments at the counter, a page at a time: twelve payments of 50.00, the third of them reversed.</summary>
public sealed class CounterPaymentsTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();
    private int unitId;
    private List<Payment> payments = [];

    public async Task InitializeAsync()
    {
        (unitId, _) = await PaymentServiceTests.SeedRequestsAsync(factory);
        for (var i = 0; i < 12; i++)
            Assert.True((await PaymentServiceTests.PayAsync(factory, unitId, "50.00")).Ok);
        var third = (await factory.PaymentsAsync(unitId)).OrderBy(p => p.Id).ElementAt(2);
        await factory.AsAsync(Roles.Finance, async sp => Assert.True((await sp.GetRequiredService<PaymentService>().ReverseAsync(third.Id, "录错了")).Ok));
        payments = [.. (await factory.PaymentsAsync(unitId)).OrderBy(p => p.Id)];
        Assert.Equal(13, payments.Count);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<Slice<CounterPayment>> PageAsync(PaymentShown shown, PageRequest page)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await CounterQueries.PaymentsAsync(db, unitId, shown, page);
    }

    [Fact]
    public async Task Payments_SecondPageNewestFirst_TotalCountsEveryPaymentOfTheChoice()
    {
        var second = await PageAsync(PaymentShown.All, new PageRequest(5, 5));
        var byReceipt = await PageAsync(PaymentShown.All, new PageRequest(0, 2, CounterQueries.SortByReceipt));
        var standing = await PageAsync(PaymentShown.Standing, new PageRequest(0, 5));
        var reversals = await PageAsync(PaymentShown.Reversals, new PageRequest(0, 5));

        var newestFirst = payments.OrderByDescending(p => p.Id).Select(p => p.ReceiptNumber).ToList();
        Assert.Equal(newestFirst.Skip(5).Take(5), second.Rows.Select(p => p.ReceiptNumber));
        Assert.Equal(13, second.Total);
        Assert.Equal(payments.Take(2).Select(p => p.ReceiptNumber), byReceipt.Rows.Select(p => p.ReceiptNumber));
        Assert.Equal(11, standing.Total);
        Assert.All(standing.Rows, p => Assert.True(p.CanBeReversed));
        Assert.Equal(2, reversals.Total);
        Assert.Equal(payments[2].ReceiptNumber, reversals.Rows.Single(p => p.IsReversal).ReversalOfNumber);
    }

    [Fact]
    public async Task Counter_OnePageOfPaymentsShown_ReversalsOnly_AUnitWithoutAnySaysSo()
    {
        await factory.RenderCounterAsync(Roles.Finance, unitId, async page =>
        {
            page.WaitForAssertion(() => Assert.Equal(10, page.FindAll("[data-testid=counter-payment]").Count));
            Assert.Contains("1-10 of 13", page.Markup);
            await page.InvokeAsync(() => page.Find("[data-testid=counter-payments-reversals]").Click());
            page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=counter-payment]").Count));
        });
        int other;
        await using (var db = await factory.CreateDbContextAsync())
            other = await db.Units.Where(u => u.Id != unitId && u.Occupants.Any()).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        await factory.RenderCounterAsync(Roles.Finance, other, async page =>
        {
            page.WaitForAssertion(() => Assert.Equal("No payments yet.", page.Find("[data-testid=counter-no-payments]").TextContent.Trim()));
            await page.InvokeAsync(() => page.Find("[data-testid=counter-payments-reversals]").Click());
            page.WaitForAssertion(() => Assert.Equal("No payments of this kind for this unit.", page.Find("[data-testid=counter-no-payments]").TextContent.Trim()));
        });
    }
}
