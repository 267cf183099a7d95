using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Renovation;

namespace PropertyHub.Tests.Features.Renovation;

[Collection(PostgresCollection.Name)]
public sealed class RenovationPostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task CollectTenAtOnce_OnePaymentOneReceiptNumberThenPermit()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("renov_" + Guid.NewGuid().ToString("N")[..8]),
        };
        var renovations = new RenovationTesting(factory);
        var id = await renovations.ApprovedAsync();
        await renovations.SignAsync(id, RenovationParty.Owner);
        await renovations.SignAsync(id, RenovationParty.Contractor);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => renovations.CollectAsync(id)));

        Assert.Single(results, r => r.Ok);
        Assert.All(results.Where(r => !r.Ok), r => Assert.Equal("AlreadyCollected", r.Errors[""]));
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(1, await db.RenovationPayments.CountAsync());
            // The numbers of the attempts that lost were given back: the counter stands at the one receipt.
            Assert.Equal(1, await db.ReceiptCounters.SumAsync(c => c.Last));
        }
        var issued = await renovations.IssueAsync(id);
        Assert.True(issued.Ok, string.Join(",", issued.Errors));
        Assert.Equal(RenovationStatus.PermitIssued, (await renovations.SheetAsync(id)).Status);
    }

    [PostgresFact]
    public async Task PermitsRefundsAndAlertsAtOnce_ConsecutiveNumbersOneRefundEachAlertOnce()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("renov_" + Guid.NewGuid().ToString("N")[..8]),
        };
        var renovations = new RenovationTesting(factory);
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var id = await renovations.ApprovedAsync();
            await renovations.SignAsync(id, RenovationParty.Owner);
            await renovations.SignAsync(id, RenovationParty.Contractor);
            Assert.True((await renovations.CollectAsync(id)).Ok);
            ids.Add(id);
        }

        // Three clerks issue three permits at once: each gets the next number of the year, none is skipped.
        var issued = await Task.WhenAll(ids.Select(renovations.IssueAsync));
        Assert.All(issued, r => Assert.True(r.Ok, string.Join(",", r.Errors)));
        Assert.Equal([1, 2, 3], issued.Select(r => int.Parse(r.Number![7..])).Order());

        // Two instances raise the day's alerts at once (the permits end within three days): each alert once.
        var day = (await renovations.SheetAsync(ids[0])).PermitTo!.Value;
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RenovationAlerts>().RaiseAsync(day);
        }));
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(3, await db.RenovationAlerts.CountAsync());
            Assert.Equal(3, await db.Notices.CountAsync(n => n.RecipientKey.StartsWith("contractor:")));
            Assert.Equal(3, await db.ServiceRequests.CountAsync(r => db.RenovationAlerts.Any(a => a.ServiceRequestId == r.Id)));
        }

        // Inspected without damage, permit back, no passes issued: five refunds at once give one, on one receipt number.
        Assert.True((await renovations.InspectAsync(ids[0])).Ok);
        Assert.True((await renovations.CompletionAsync(Roles.Clerk, s => s.ReturnPermitAsync(ids[0], false, null))).Ok);
        var counterBefore = await CounterAsync(factory);
        var refunds = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => renovations.CompletionAsync(Roles.Finance, s => s.RefundAsync(ids[0], "2000", PaymentMethod.Cash, null))));
        Assert.Single(refunds, r => r.Ok);
        Assert.All(refunds.Where(r => !r.Ok), r => Assert.Equal("AlreadyRefunded", r.Errors[""]));
        Assert.Equal(counterBefore + 1, await CounterAsync(factory));
    }

    private static async Task<int> CounterAsync(AppFactory factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.ReceiptCounters.SumAsync(c => c.Last);
    }
}
