using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Audit;
using PropertyHub.Features.OccupantFile.Titles;
using PropertyHub.Features.Registry;
using PropertyHub.Tests.Features.Fees.Books;
using PropertyHub.Tests.Features.Registry;

namespace PropertyHub.Tests.Features.OccupantFile;

/// <summary>Title records and ownership history on SQLite: the owner on a date, transfers refused and kept.</summary>
public sealed class TitleServiceTests : IAsyncLifetime
{
    private readonly ClockedAppFactory factory = new(TitleTesting.Now) { Settings = { ["Titles:MaxDaysAhead"] = "30" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task OwnerOn_AcrossATransfer_SellerUntilTheDayBeforeBuyerFromTheDay()
    {
        var unit = await TitleTesting.SoldUnitAsync(factory);
        await TitleTesting.SellAsync(factory, unit, new DateOnly(2026, 12, 10));

        Assert.Null(await TitleTesting.OwnerOnAsync(factory, unit.UnitId, new DateOnly(2020, 4, 30)));
        Assert.Equal(unit.SellerId, (await TitleTesting.OwnerOnAsync(factory, unit.UnitId, new DateOnly(2020, 5, 1)))!.OccupantId);
        Assert.Equal(unit.SellerId, (await TitleTesting.OwnerOnAsync(factory, unit.UnitId, new DateOnly(2026, 12, 9)))!.OccupantId);
        var buyer = await TitleTesting.OwnerOnAsync(factory, unit.UnitId, new DateOnly(2026, 12, 10));
        Assert.Equal((unit.BuyerId, unit.Buyer, new DateOnly(2026, 12, 10)), (buyer!.OccupantId, buyer.Name, buyer.From));
        Assert.Equal(unit.BuyerId, (await TitleTesting.OwnerOnAsync(factory, unit.UnitId, new DateOnly(2030, 1, 1)))!.OccupantId);

        IReadOnlyList<OwnershipRow> history = [];
        await factory.AsAsync(Roles.Clerk, async sp => history = await sp.GetRequiredService<TitleService>().GetHistoryAsync(unit.UnitId));
        Assert.Equal([(unit.Buyer, new DateOnly(2026, 12, 10), (DateOnly?)null), (unit.Seller, new DateOnly(2020, 5, 1), new DateOnly(2026, 12, 9))],
            history.Select(h => (h.OwnerName, h.From, h.To)));
        Assert.Equal("沪房地浦字(2020)第001号", history[1].CertificateNumber);
        OwnershipRow? seller = null, buyerStretch = null;
        await factory.AsAsync(Roles.Clerk, async sp =>
        {
            seller = await sp.GetRequiredService<TitleService>().OwnershipOfAsync(unit.SellerId);
            buyerStretch = await sp.GetRequiredService<TitleService>().OwnershipOfAsync(unit.BuyerId);
        });
        Assert.Equal((new DateOnly(2020, 5, 1), (DateOnly?)new DateOnly(2026, 12, 9)), (seller!.From, seller.To));
        Assert.Equal((new DateOnly(2026, 12, 10), (DateOnly?)null), (buyerStretch!.From, buyerStretch.To));
        // The seller stays on the registry and on the history.
        await using var db = await factory.CreateDbContextAsync();
        Assert.True(await db.Occupants.AnyAsync(o => o.Id == unit.SellerId));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(TitleRecord) && a.Action == AuditAction.Created
            && db.TitleRecords.Any(t => t.Id == a.EntityId && t.UnitId == unit.UnitId)));
    }

    [Theory]
    [InlineData("2026-12-10", "过户日期须晚于上一次（2026-12-10，买家")]
    [InlineData("2026-11-30", "过户日期须晚于上一次（2026-12-10，买家")]
    [InlineData("2027-01-16", "过户日期最多可提前 30 天（至 2027-01-15）。")]
    public async Task Transfer_OnOrBeforeThePreviousOrTooFarAhead_RefusedInChineseNothingWritten(string date, string message)
    {
        var unit = await TitleTesting.SoldUnitAsync(factory);
        await TitleTesting.SellAsync(factory, unit, new DateOnly(2026, 12, 10));
        var before = await CountAsync(unit.UnitId);

        SaveResult<OwnershipRow>? result = null;
        await RegistryTesting.InCultureAsync("zh-Hans", async () => result = await TitleTesting.TransferAsync(factory, Roles.Clerk,
            new OwnershipTransfer { UnitId = unit.UnitId, AfterSequence = 2, OwnerId = unit.SellerId, From = DateOnly.Parse(date) }));

        Assert.Equal(SaveOutcome.Invalid, result!.Outcome);
        Assert.StartsWith(message, result.ErrorFor(nameof(OwnershipTransfer.From)));
        Assert.Equal(before, await CountAsync(unit.UnitId));
    }

    [Fact]
    public async Task Transfer_ToATenantOfTheUnit_RefusedNothingWritten()
    {
        var unit = await TitleTesting.SoldUnitAsync(factory, skip: 2);
        int tenantId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var tenant = new Occupant { UnitId = unit.UnitId, Role = OccupantRole.Tenant, Kind = OccupantKind.Person, Name = "租户" + unit.UnitId };
            db.Occupants.Add(tenant);
            await db.SaveChangesAsync();
            tenantId = tenant.Id;
        }
        await TitleTesting.SellAsync(factory, unit, new DateOnly(2026, 12, 10));
        var before = await CountAsync(unit.UnitId);

        var result = await TitleTesting.TransferAsync(factory, Roles.Clerk,
            new OwnershipTransfer { UnitId = unit.UnitId, AfterSequence = 2, OwnerId = tenantId, From = new(2026, 12, 12) });

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal($"租户{unit.UnitId} is not on file as an owner of this unit: add the new owner to the unit as an owner first.",
            result.ErrorFor(nameof(OwnershipTransfer.OwnerId)));
        Assert.Equal(before, await CountAsync(unit.UnitId));
    }

    [Fact]
    public async Task Transfer_LastDayAllowedAhead_Recorded()
    {
        var unit = await TitleTesting.SoldUnitAsync(factory);
        var result = await TitleTesting.TransferAsync(factory, Roles.Clerk, new OwnershipTransfer { UnitId = unit.UnitId, OwnerId = unit.SellerId, From = new(2027, 1, 15) });
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Transfer_ToTheOwnerNowOrToSomeoneNotOnTheUnit_RefusedNothingWritten()
    {
        var unit = await TitleTesting.SoldUnitAsync(factory);
        var other = await TitleTesting.SoldUnitAsync(factory, skip: 1);
        await TitleTesting.SellAsync(factory, unit, new DateOnly(2026, 12, 10));
        var before = await CountAsync(unit.UnitId);

        var again = await TitleTesting.TransferAsync(factory, Roles.Clerk, new OwnershipTransfer { UnitId = unit.UnitId, AfterSequence = 2, OwnerId = unit.BuyerId, From = new(2026, 12, 12) });
        var stranger = await TitleTesting.TransferAsync(factory, Roles.Clerk, new OwnershipTransfer { UnitId = unit.UnitId, AfterSequence = 2, OwnerId = other.SellerId, From = new(2026, 12, 12) });
        var tooLong = await TitleTesting.TransferAsync(factory, Roles.Clerk,
            new OwnershipTransfer { UnitId = unit.UnitId, AfterSequence = 2, OwnerId = unit.SellerId, From = new(2026, 12, 12), CertificateNumber = new string('号', 51) });

        Assert.Equal($"{unit.Buyer} already owns this unit.", again.ErrorFor(nameof(OwnershipTransfer.OwnerId)));
        Assert.Equal("Choose the new owner from the unit's occupants.", stranger.ErrorFor(nameof(OwnershipTransfer.OwnerId)));
        Assert.Equal("At most 50 characters.", tooLong.ErrorFor(nameof(OwnershipTransfer.CertificateNumber)));
        Assert.Equal(before, await CountAsync(unit.UnitId));
    }

    [Fact]
    public async Task Transfer_AfterAnotherWasRecorded_ConflictNothingWritten()
    {
        var unit = await TitleTesting.SoldUnitAsync(factory);
        await TitleTesting.SellAsync(factory, unit, new DateOnly(2026, 12, 10));

        // The form was opened when only the seller was on file.
        var stale = await TitleTesting.TransferAsync(factory, Roles.Clerk, new OwnershipTransfer { UnitId = unit.UnitId, AfterSequence = 1, OwnerId = unit.SellerId, From = new(2026, 12, 14) });

        Assert.Equal(SaveOutcome.Conflict, stale.Outcome);
        Assert.Equal(2, await CountAsync(unit.UnitId));
    }

    [Theory]
    [InlineData(Roles.Finance)]
    [InlineData(Roles.Engineer)]
    public async Task Transfer_RoleWithoutRecordTitles_DeniedNothingWritten(string role)
    {
        var unit = await TitleTesting.SoldUnitAsync(factory);
        var result = await TitleTesting.TransferAsync(factory, role, new OwnershipTransfer { UnitId = unit.UnitId, OwnerId = unit.SellerId, From = new(2020, 5, 1) });
        Assert.Equal(SaveOutcome.Denied, result.Outcome);
        Assert.Equal(0, await CountAsync(unit.UnitId));
    }

    private async Task<int> CountAsync(int unitId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.TitleRecords.CountAsync(t => t.UnitId == unitId);
    }
}
