using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Registry;
using PropertyHub.Tests.Features.Fees;
using PropertyHub.Tests.Features.Registry;

namespace PropertyHub.Tests.Data;

/// <summary>
/// Saves under a retrying execution strategy (SQLite: <see cref="RetryingTestStrategy"/>, as every SQLite test runs):
/// an audited save opens its transaction inside the strategy, and a retried attempt applies once.
/// </summary>
public sealed class AppDbContextRetryTests : IAsyncLifetime
{
    private readonly AppFactory factory = new() { Faults = new OneFault(postgres: false) };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task SaveChanges_OccupantEditUnderRetryingStrategy_SavedWithItsAuditRow()
    {
        await using (var db = await factory.CreateDbContextAsync())
            Assert.True(db.Database.CreateExecutionStrategy().RetriesOnFailure);

        await RetryScenarios.EditOccupantAsync(factory, fault: null, skip: 3);
    }

    [Theory]
    [InlineData(FaultPoint.Commit)]
    [InlineData(FaultPoint.AuditInsert)]
    public async Task OccupantEdit_TransientFailureOnce_AppliedOnceWithOneAuditRow(FaultPoint fault) =>
        await RetryScenarios.EditOccupantAsync(factory, fault, skip: 7);

    [Fact]
    public async Task Payment_TransientFailuresOnCommitAndAuditInsert_OnePaymentEachAndReceiptsWithoutGaps() =>
        await RetryScenarios.PayThreeTimesAsync(factory);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SaveChanges_BuildingAndUnitCreatedTogether_AuditRowsCarryTheRealKeys(bool inCallersTransaction)
    {
        await using var db = await factory.CreateDbContextAsync();
        var estateId = await db.Estates.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        var building = new Building
        {
            EstateId = estateId, Code = inCallersTransaction ? "RT" : "RO", Name = "Retry",
            Units = [new Unit { Number = "101", Floor = 1, Area = 88.5m }],
        };
        if (inCallersTransaction)
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Buildings.Add(building);
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            });
        }
        else
        {
            db.Buildings.Add(building);
            await db.SaveChangesAsync();
        }

        var unit = building.Units[0];
        await using var check = await factory.CreateDbContextAsync();
        var storedUnit = await check.Units.AsNoTracking().SingleAsync(u => u.BuildingId == building.Id && u.Number == "101");
        Assert.Equal(storedUnit.Id, unit.Id);
        var buildingAudit = await check.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == nameof(Building) && a.EntityId == building.Id);
        var unitAudit = await check.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == nameof(Unit) && a.EntityId == unit.Id);
        Assert.Equal(AuditAction.Created, buildingAudit.Action);
        Assert.Equal(AuditAction.Created, unitAudit.Action);
        Assert.Equal(building.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            unitAudit.Changes.Single(c => c.Field == nameof(Unit.BuildingId)).New);
        Assert.DoesNotContain(await check.AuditEntries.AsNoTracking().Select(a => a.EntityId).ToListAsync(), id => id <= 0);
    }
}

/// <summary>The same on PostgreSQL, whose tests run with Npgsql's retrying strategy (the default of Database:RetryOnFailure).</summary>
[Collection(PostgresCollection.Name)]
public sealed class AppDbContextRetryPostgresTests(PostgresServer server)
{
    private AppFactory Factory(string name) => new()
    {
        Provider = DatabaseProvider.Postgres,
        ConnectionString = server.ConnectionString(name + "_" + Guid.NewGuid().ToString("N")[..8]),
        Faults = new OneFault(postgres: true),
    };

    [PostgresFact]
    public async Task OccupantEdit_TransientFailureOnceOnPostgres_AppliedOnceWithOneAuditRow()
    {
        await using var factory = Factory("retry_occ");
        await using (var db = await factory.CreateDbContextAsync())
            Assert.True(db.Database.CreateExecutionStrategy().RetriesOnFailure);

        await RetryScenarios.EditOccupantAsync(factory, FaultPoint.Commit, skip: 3);
        await RetryScenarios.EditOccupantAsync(factory, FaultPoint.AuditInsert, skip: 4);
    }

    [PostgresFact]
    public async Task Payment_TransientFailuresOnPostgres_OnePaymentEachAndReceiptsWithoutGaps()
    {
        await using var factory = Factory("retry_pay");
        await RetryScenarios.PayThreeTimesAsync(factory);
    }
}

internal static class RetryScenarios
{
    /// <summary>A manager changes an occupant's notes with a transient failure injected at <paramref name="fault"/> (if any).</summary>
    public static async Task EditOccupantAsync(AppFactory factory, FaultPoint? fault, int skip)
    {
        Occupant before;
        int auditsBefore;
        await using (var db = await factory.CreateDbContextAsync())
        {
            before = await db.Occupants.AsNoTracking().OrderBy(o => o.Id).Skip(skip).FirstAsync();
            auditsBefore = await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Occupant) && a.EntityId == before.Id);
        }
        var thrownBefore = factory.Faults!.Thrown;
        var notes = $"Retry test {fault?.ToString() ?? "none"}";

        await factory.AsAsync(Roles.Manager, async registry =>
        {
            var form = (await registry.GetOccupantFormAsync(before.Id))!;
            form.VipNotes = notes;
            if (fault is { } point)
                factory.Faults.Arm(point);
            var result = await registry.SaveOccupantAsync(form);
            Assert.Equal(SaveOutcome.Saved, result.Outcome);
        });

        Assert.Equal(thrownBefore + (fault is null ? 0 : 1), factory.Faults.Thrown);
        await using var after = await factory.CreateDbContextAsync();
        var stored = await after.Occupants.AsNoTracking().SingleAsync(o => o.Id == before.Id);
        Assert.Equal(notes, stored.VipNotes);
        Assert.Equal(before.Version + 1, stored.Version);
        var audits = await after.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Occupant) && a.EntityId == before.Id)
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(auditsBefore + 1, audits.Count);
        var change = Assert.Single(audits[^1].Changes);
        Assert.Equal((nameof(Occupant.VipNotes), before.VipNotes, notes), (change.Field, change.Old, change.New));
    }

    /// <summary>
    /// Three payments of 100.00 at the counter: the first fails once on commit, the second once on its audit insert,
    /// the third goes through. Each is stored once, with receipts 1, 2, 3 and one audit row each.
    /// </summary>
    public static async Task PayThreeTimesAsync(AppFactory factory)
    {
        var (unitId, estateId) = await PaymentServiceTests.SeedRequestsAsync(factory);
        var results = new List<PaymentResult>();
        foreach (var fault in new FaultPoint?[] { FaultPoint.Commit, FaultPoint.AuditInsert, null })
        {
            if (fault is { } point)
                factory.Faults!.Arm(point);
            results.Add(await PaymentServiceTests.PayAsync(factory, unitId, "100.00"));
        }

        Assert.Equal(2, factory.Faults!.Thrown);
        Assert.All(results, r => Assert.True(r.Ok));
        await using var db = await factory.CreateDbContextAsync();
        var payments = await db.Payments.AsNoTracking().Where(p => p.EstateId == estateId).OrderBy(p => p.ReceiptSeq).ToListAsync();
        Assert.Equal([1, 2, 3], payments.Select(p => p.ReceiptSeq));
        Assert.Equal(results.Select(r => r.ReceiptNumber), payments.Select(p => p.ReceiptNumber));
        Assert.Equal(3, await db.PaymentAllocations.CountAsync());
        var paid = await db.PaymentRequests.Where(r => r.UnitId == unitId).OrderBy(r => r.Month).Select(r => r.Paid).ToListAsync();
        Assert.Equal([300m, 0m, 0m], paid);
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Payment)).Select(a => a.EntityId).ToListAsync();
        Assert.Equal(payments.Select(p => p.Id), audited.Order());
    }
}
