using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.MoveIn;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.MoveIn;

/// <summary>
/// A batch's days moved and the batch cancelled, with its history; the owners noticed told once each; a cancelled batch's
/// links and counter closed, its units free for another batch; the registry's move-in mark. Each test has its own batch.
/// </summary>
public sealed class MoveInBatchChangeTests(MoveInClock clock) : IClassFixture<MoveInClock>
{
    private readonly ClockedAppFactory app = clock.Factory;
    private readonly MoveInTesting moveIns = new(clock.Factory);

    private async Task<MoveInBatch> BatchAsync(int id)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.MoveInBatches.AsNoTracking().Include(b => b.Slots).Include(b => b.Changes).SingleAsync(b => b.Id == id);
    }

    private Task<MoveInResult> MoveAsync(int batchId, int version, DateOnly? first, string? reason = null) =>
        moveIns.AsAsync<MoveInResult, MoveInBatchChanges>(Roles.Supervisor, s => s.MoveAsync(batchId, version, first, reason));

    private Task<MoveInResult> CancelAsync(int batchId, int version, string? reason) =>
        moveIns.AsAsync<MoveInResult, MoveInBatchChanges>(Roles.Supervisor, s => s.CancelAsync(batchId, version, reason));

    private async Task<List<PropertyHub.Features.Notices.Notice>> ChangeNoticesAsync(int changeId)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Notices.AsNoTracking().Where(n => n.Kind == MoveInBatchChanges.NoticeKind && n.SourceKey == MoveInBatchChanges.Source(changeId)).ToListAsync();
    }

    [Fact]
    public async Task MovingTheDays_MovesSlotsAndPicks_KeepsHistory_AndTellsEachNoticedOwnerOnce()
    {
        var (batchId, ids) = await moveIns.NoticedBatchAsync(2, inDays: 5);
        var slots = await moveIns.SlotsAsync(batchId);
        Assert.True((await moveIns.PickAsync(await moveIns.TokenAsync(ids[0]), slots[1])).Ok);
        var before = await BatchAsync(batchId);
        Assert.Equal("DayInPast", (await MoveAsync(batchId, before.Version, before.FirstDay.AddDays(-10))).Errors["FirstDay"]);
        Assert.Equal("DaysUnchanged", (await MoveAsync(batchId, before.Version, before.FirstDay)).Errors["FirstDay"]);

        // The same move clicked twice at once: one moves the batch, the other finds it changed.
        var both = await Task.WhenAll(MoveAsync(batchId, before.Version, before.FirstDay.AddDays(1), "工程延期"),
            MoveAsync(batchId, before.Version, before.FirstDay.AddDays(1), "工程延期"));

        Assert.Single(both, r => r.Ok);
        var after = await BatchAsync(batchId);
        Assert.Equal(before.FirstDay.AddDays(1), after.FirstDay);
        Assert.Equal(before.LastDay.AddDays(1), after.LastDay);
        Assert.Equal(before.Slots.OrderBy(s => s.Id).Select(s => s.Day.AddDays(1)), after.Slots.OrderBy(s => s.Id).Select(s => s.Day));
        Assert.Equal(after.Slots.Single(s => s.Id == slots[1]).Label, (await moveIns.SheetAsync(ids[0])).Slot);
        var change = Assert.Single(after.Changes);
        Assert.Equal((BatchChangeKind.Moved, before.FirstDay, after.FirstDay, "工程延期"), (change.Kind, change.FromFirstDay, change.ToFirstDay, change.Reason));
        var notices = await ChangeNoticesAsync(change.Id);
        var owners = await OwnersAsync(ids);
        Assert.Equal(owners.Order(), notices.Select(n => n.OccupantId!.Value).Distinct().Order());
        Assert.Equal(notices.Count, notices.Select(n => (n.OccupantId, n.Channel)).Distinct().Count());
        Assert.Contains(notices, n => n.Body.Contains(MoveInMessages.Day(after.FirstDay)));
        // The slot link still works, and offers the new last day.
        using var client = app.CreateClient();
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/h/" + await moveIns.TokenAsync(ids[1])));
        Assert.Contains(MoveInMessages.Day(after.LastDay), page);
    }

    [Fact]
    public async Task AnOwnerNotNoticedYet_IsNotToldOfAMove()
    {
        var (batchId, ids) = await moveIns.NoticedBatchAsync(1, inDays: 6);
        // As if the advance notice had never gone out.
        await using (var db = await app.CreateDbContextAsync())
        {
            var noticed = await db.Notices.Where(n => n.SourceKey == MoveInNotices.Source(ids[0])).ToListAsync();
            db.Notices.RemoveRange(noticed);
            await db.SaveChangesAsync();
        }
        var batch = await BatchAsync(batchId);

        Assert.True((await MoveAsync(batchId, batch.Version, batch.FirstDay.AddDays(2))).Ok);

        Assert.Empty(await ChangeNoticesAsync((await BatchAsync(batchId)).Changes.Single().Id));
    }

    [Fact]
    public async Task Cancelling_NeedsAReason_ClosesLinksAndCounter_TellsOwnersOnce_AndFreesTheUnits()
    {
        var (batchId, ids) = await moveIns.NoticedBatchAsync(2, inDays: 4);
        var token = await moveIns.TokenAsync(ids[0]);
        var batch = await BatchAsync(batchId);
        Assert.Equal("ReasonRequired", (await CancelAsync(batchId, batch.Version, "  ")).Errors["Reason"]);
        Assert.Null((await BatchAsync(batchId)).CancelledAt);

        Assert.True((await CancelAsync(batchId, batch.Version, "消防验收未通过")).Ok);

        var cancelled = await BatchAsync(batchId);
        Assert.NotNull(cancelled.CancelledAt);
        var change = Assert.Single(cancelled.Changes);
        Assert.Equal((BatchChangeKind.Cancelled, "消防验收未通过"), (change.Kind, change.Reason));
        var notices = await ChangeNoticesAsync(change.Id);
        Assert.Equal((await OwnersAsync(ids)).Order(), notices.Select(n => n.OccupantId!.Value).Distinct().Order());
        Assert.Equal(notices.Count, notices.Select(n => (n.OccupantId, n.Channel)).Distinct().Count());
        // Cancelled twice: refused, nobody told again.
        Assert.Equal("BatchCancelled", (await CancelAsync(batchId, cancelled.Version, "再次")).Errors[""]);
        Assert.Equal("BatchCancelled", (await MoveAsync(batchId, cancelled.Version, cancelled.FirstDay.AddDays(3))).Errors[""]);
        Assert.Single((await BatchAsync(batchId)).Changes);

        // The link opens a page saying so and why; a pick and the counter are refused.
        using var client = app.CreateClient();
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/h/" + token));
        Assert.Contains("slot-cancelled", page);
        Assert.Contains("消防验收未通过", page);
        Assert.DoesNotContain("slot-select", page);
        Assert.Equal("BatchCancelled", (await moveIns.PickAsync(token, (await moveIns.SlotsAsync(batchId))[0])).Errors[""]);
        var sheet = await moveIns.SheetAsync(ids[0]);
        Assert.Equal("BatchCancelled", (await moveIns.AsAsync<MoveInResult, MoveInService>(Roles.Clerk, s => s.InspectAsync(ids[0], sheet.Version))).Errors[""]);

        // The units go into another batch; the cancelled move-ins stay as history.
        var again = await moveIns.AsAsync<MoveInResult, MoveInBatchService>(Roles.Supervisor, s => s.CreateAsync(new BatchInput
        {
            EstateId = cancelled.EstateId, Name = "第二批交房", FirstDay = cancelled.FirstDay.AddDays(7), LastDay = cancelled.FirstDay.AddDays(7),
            Units = sheet.Unit,
        }));
        Assert.True(again.Ok, string.Join(",", again.Errors));
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(2, await db.MoveIns.CountAsync(m => m.UnitId == sheet.UnitId));
    }

    [Fact]
    public async Task ABatchWithAUnitMovedIn_CannotBeCancelled()
    {
        var (batchId, ids) = await moveIns.NoticedBatchAsync(1, inDays: 0);
        await moveIns.ReadyAsync(ids[0]);
        Assert.True((await moveIns.CompleteAsync(ids[0])).Ok);
        var batch = await BatchAsync(batchId);

        Assert.Equal("BatchHasMovedIn", (await CancelAsync(batchId, batch.Version, "取消")).Errors[""]);
        Assert.Null((await BatchAsync(batchId)).CancelledAt);
    }

    [Fact]
    public async Task TheRegistry_MarksTheOwnerAwaitingMoveIn_ThenMovedInWithTheDay()
    {
        var (_, ids) = await moveIns.NoticedBatchAsync(1, inDays: 0);
        var sheet = await moveIns.SheetAsync(ids[0]);
        var awaiting = await UnitOccupantAsync(sheet.UnitId, sheet.OccupantId);
        Assert.NotNull(awaiting.MoveIn);
        Assert.False(awaiting.MoveIn!.Active);

        await moveIns.ReadyAsync(ids[0]);
        Assert.True((await moveIns.CompleteAsync(ids[0])).Ok);

        var active = await UnitOccupantAsync(sheet.UnitId, sheet.OccupantId);
        Assert.Equal(new DateOnly(2026, 12, 10), active.MoveIn!.MovedInOn);
        var hits = await moveIns.AsAsync<IReadOnlyList<SearchHit>, RegistryService>(Roles.Clerk, s => s.SearchAsync(sheet.Unit));
        Assert.Equal(new DateOnly(2026, 12, 10), hits.Single(h => h.OccupantId == sheet.OccupantId).MoveIn!.MovedInOn);
        // Another occupant of the unit (not handed it) carries no mark.
        Assert.All(hits.Where(h => h.OccupantId != sheet.OccupantId), h => Assert.Null(h.MoveIn));
    }

    private async Task<OccupantView> UnitOccupantAsync(int unitId, int occupantId) =>
        (await moveIns.AsAsync<UnitDetail?, RegistryService>(Roles.Clerk, s => s.GetUnitAsync(unitId)))!.Occupants.Single(o => o.Id == occupantId);

    private async Task<List<int>> OwnersAsync(IReadOnlyList<int> moveInIds)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.MoveIns.Where(m => moveInIds.Contains(m.Id)).Select(m => m.OccupantId).Distinct().ToListAsync();
    }
}
