using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.OccupantFile.Titles;
using PropertyHub.Features.Registry;
using PropertyHub.Tests.Features.Fees.Books;

namespace PropertyHub.Tests.Features.OccupantFile;

/// <summary>Title records on PostgreSQL: the owner on a date across a transfer, a refused transfer, and the month's requests split at the transfer date (written by COPY).</summary>
[Collection(PostgresCollection.Name)]
public sealed class TitlePostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task SoldOnThe10th_OnPostgres_OwnerOnEachSideAndFeesSplitAtTheTransfer()
    {
        await using var factory = new ClockedAppFactory(TitleTesting.Now)
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("titles_" + Guid.NewGuid().ToString("N")[..8]),
        };
        var unit = await TitleTesting.SoldUnitAsync(factory);
        await TitleTesting.SellAsync(factory, unit, new DateOnly(2026, 12, 10));

        Assert.Equal(unit.SellerId, (await TitleTesting.OwnerOnAsync(factory, unit.UnitId, new DateOnly(2026, 12, 9)))!.OccupantId);
        Assert.Equal(unit.BuyerId, (await TitleTesting.OwnerOnAsync(factory, unit.UnitId, new DateOnly(2026, 12, 10)))!.OccupantId);
        var early = await TitleTesting.TransferAsync(factory, Roles.Clerk,
            new OwnershipTransfer { UnitId = unit.UnitId, AfterSequence = 2, OwnerId = unit.SellerId, From = new(2026, 12, 1) });
        Assert.Equal(SaveOutcome.Invalid, early.Outcome);

        await TitleTesting.IssueAsync(factory, new DateOnly(2026, 12, 1));

        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(2, await db.TitleRecords.CountAsync(t => t.UnitId == unit.UnitId));
        await TitleFeesTests.AssertSplitAtTheTransferAsync(db, unit);
    }
}
