using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
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
}
