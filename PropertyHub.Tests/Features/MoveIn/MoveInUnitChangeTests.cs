using System.Net;
using Bunit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.MoveIn;
using PropertyHub.Features.Notices;
using PropertyHub.Features.MoveIn.Batches;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.MoveIn;

/// <summary>
/// One unit of a batch moved to days of its own or taken out: the rules, its history, one notice to its owner only, its
/// slot link, the reminder, the other units untouched; and an owner without e-mail or mobile getting paper notices
/// listed, printed and marked from the batch. Each test has its own batch.
/// </summary>
public sealed class MoveInUnitChangeTests(MoveInClock clock) : IClassFixture<MoveInClock>
{
    private readonly ClockedAppFactory app = clock.Factory;
    private readonly MoveInTesting moveIns = new(clock.Factory);

    private Task<MoveInResult> MoveAsync(int moveInId, int version, DateOnly? first, DateOnly? last, string? reason) =>
        moveIns.AsAsync<MoveInResult, MoveInUnitChanges>(Roles.Supervisor, s => s.MoveAsync(moveInId, version, first, last, reason));

    private Task<MoveInResult> CancelAsync(int moveInId, int version, string? reason) =>
        moveIns.AsAsync<MoveInResult, MoveInUnitChanges>(Roles.Supervisor, s => s.CancelAsync(moveInId, version, reason));

    private async Task<int> VersionAsync(int moveInId) => (await moveIns.SheetAsync(moveInId)).Version;

    private async Task<List<MoveInBatchChange>> ChangesAsync(int batchId)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.MoveInBatchChanges.AsNoTracking().Where(c => c.BatchId == batchId).OrderBy(c => c.Id).ToListAsync();
    }

    private async Task<List<Notice>> ChangeNoticesAsync(int changeId)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Notices.AsNoTracking().Where(n => n.Kind == MoveInBatchChanges.NoticeKind && n.SourceKey == MoveInBatchChanges.Source(changeId)).ToListAsync();
    }

    private async Task<string> LinkPageAsync(int moveInId)
    {
        using var client = app.CreateClient();
        return WebUtility.HtmlDecode(await client.GetStringAsync("/h/" + await moveIns.TokenAsync(moveInId)));
    }

    [Fact]
    public async Task MovingOneUnit_GivesItItsOwnDaysAndSlots_KeepsHistory_TellsOnlyItsOwnerOnce_TheOthersUntouched()
    {
        var (batchId, ids) = await moveIns.NoticedBatchAsync(2, inDays: 5);
        var slots = await moveIns.SlotsAsync(batchId);
        Assert.True((await moveIns.PickAsync(await moveIns.TokenAsync(ids[0]), slots[0])).Ok);
        Assert.True((await moveIns.PickAsync(await moveIns.TokenAsync(ids[1]), slots[1])).Ok);
        var other = await moveIns.SheetAsync(ids[1]);
        var version = await VersionAsync(ids[0]);
        var (first, last) = (new DateOnly(2026, 12, 28), new DateOnly(2026, 12, 29));
        Assert.Equal("ReasonRequired", (await MoveAsync(ids[0], version, first, last, " ")).Errors["Reason"]);
        Assert.Equal("DayInPast", (await MoveAsync(ids[0], version, new DateOnly(2026, 12, 1), null, "贷款未批")).Errors["FirstDay"]);
        Assert.Equal("DaysInvalid", (await MoveAsync(ids[0], version, last, first, "贷款未批")).Errors["FirstDay"]);
        Assert.Empty(await ChangesAsync(batchId));

        // The same move clicked twice at once: one is saved, the other finds the unit changed.
        var both = await Task.WhenAll(MoveAsync(ids[0], version, first, last, "贷款未批"), MoveAsync(ids[0], version, first, last, "贷款未批"));

        Assert.Single(both, r => r.Ok);
        // The loser finds the unit changed meanwhile, or (run after it) already on those days.
        Assert.Contains(Assert.Single(both, r => !r.Ok).Errors.Values.Single(), new[] { "ChangedMeanwhile", "DaysUnchanged" });
        var change = Assert.Single(await ChangesAsync(batchId));
        Assert.Equal((BatchChangeKind.UnitMoved, ids[0], new DateOnly(2026, 12, 15), first, last, "贷款未批"),
            (change.Kind, change.MoveInId!.Value, change.FromFirstDay, change.ToFirstDay, change.ToLastDay, change.Reason));
        Assert.Null((await moveIns.SheetAsync(ids[0])).Slot);
        Assert.Equal(other.Slot, (await moveIns.SheetAsync(ids[1])).Slot);
        var movedOwner = (await moveIns.SheetAsync(ids[0])).OccupantId;
        var notices = await ChangeNoticesAsync(change.Id);
        Assert.NotEmpty(notices);
        Assert.All(notices, n => Assert.Equal(movedOwner, n.OccupantId));
        Assert.Equal(notices.Count, notices.Select(n => n.Channel).Distinct().Count());
        Assert.All(notices, n => Assert.Contains("2026-12-28–2026-12-29", n.Body));
        Assert.Equal("DaysUnchanged", (await MoveAsync(ids[0], await VersionAsync(ids[0]), first, last, "再改")).Errors["FirstDay"]);

        // The link says what happened and offers the new days only; a batch slot is refused, one of its own taken.
        var page = await LinkPageAsync(ids[0]);
        Assert.Contains("slot-unit-moved", page);
        Assert.Contains("贷款未批", page);
        Assert.Contains("2026-12-28 09:00–10:00", page);
        Assert.DoesNotContain("2026-12-15 10:00–11:00", page);
        var token = await moveIns.TokenAsync(ids[0]);
        Assert.Equal("SlotUnknown", (await moveIns.PickAsync(token, slots[2])).Errors["Slot"]);
        await using (var db = await app.CreateDbContextAsync())
        {
            var own = await db.MoveInSlots.Where(s => s.MoveInKey == ids[0]).OrderBy(s => s.Day).ThenBy(s => s.Start).Select(s => s.Id).ToListAsync();
            Assert.Equal(4, own.Count);
            Assert.True((await moveIns.PickAsync(token, own[3])).Ok);
        }
        Assert.Equal("2026-12-29 10:00–11:00", (await moveIns.SheetAsync(ids[0])).Slot);
        Assert.DoesNotContain("2026-12-28", await LinkPageAsync(ids[1]));

        // The batch's days moved later: the unit keeps its own, and its owner is not told of the batch's move.
        var batchVersion = (await moveIns.AsAsync<BatchView?, MoveInBatchService>(Roles.Supervisor, s => s.BatchAsync(batchId)))!.Version;
        Assert.True((await moveIns.AsAsync<MoveInResult, MoveInBatchChanges>(Roles.Supervisor, s => s.MoveAsync(batchId, batchVersion, new DateOnly(2026, 12, 16), "工程延期"))).Ok);
        Assert.Equal("2026-12-29 10:00–11:00", (await moveIns.SheetAsync(ids[0])).Slot);
        var batchNotices = await ChangeNoticesAsync((await ChangesAsync(batchId)).Last().Id);
        Assert.DoesNotContain(batchNotices, n => n.OccupantId == movedOwner);
        Assert.Contains(batchNotices, n => n.OccupantId == other.OccupantId);
    }

    [Fact]
    public async Task TakingOneUnitOut_TwiceAtOnceIsOneChange_TellsItsOwnerOnce_ClosesItsLink_AndFreesTheUnit()
    {
        var (batchId, ids) = await moveIns.NoticedBatchAsync(2, inDays: 4);
        var slots = await moveIns.SlotsAsync(batchId);
        Assert.True((await moveIns.PickAsync(await moveIns.TokenAsync(ids[0]), slots[0])).Ok);
        var version = await VersionAsync(ids[0]);

        var both = await Task.WhenAll(CancelAsync(ids[0], version, "买方放弃购房"), CancelAsync(ids[0], version, "买方放弃购房"));

        Assert.Single(both, r => r.Ok);
        var change = Assert.Single(await ChangesAsync(batchId));
        Assert.Equal((BatchChangeKind.UnitCancelled, ids[0]), (change.Kind, change.MoveInId!.Value));
        var sheet = await moveIns.SheetAsync(ids[0]);
        var notices = await ChangeNoticesAsync(change.Id);
        Assert.NotEmpty(notices);
        Assert.All(notices, n => Assert.Equal(sheet.OccupantId, n.OccupantId));
        Assert.Equal(notices.Count, notices.Select(n => n.Channel).Distinct().Count());
        Assert.Null(sheet.Slot);
        Assert.False((await moveIns.SheetAsync(ids[1])).Cancelled);
        // Changed again: refused, nobody told again.
        Assert.Equal("UnitCancelled", (await CancelAsync(ids[0], sheet.Version, "再次")).Errors[""]);
        Assert.Equal("UnitCancelled", (await MoveAsync(ids[0], sheet.Version, new DateOnly(2026, 12, 20), null, "再次")).Errors[""]);
        Assert.Single(await ChangesAsync(batchId));

        var page = await LinkPageAsync(ids[0]);
        Assert.Contains("slot-unit-cancelled", page);
        Assert.Contains("买方放弃购房", page);
        Assert.DoesNotContain("slot-select", page);
        Assert.Contains("slot-select", await LinkPageAsync(ids[1]));
        // The slot it held is free for the others; the unit may go into another batch.
        Assert.True((await moveIns.PickAsync(await moveIns.TokenAsync(ids[1]), slots[0])).Ok);
        var again = await moveIns.AsAsync<MoveInResult, MoveInBatchService>(Roles.Supervisor, s => s.CreateAsync(new BatchInput
        {
            EstateId = sheet.EstateId, Name = "补交房", FirstDay = new DateOnly(2027, 1, 5), LastDay = new DateOnly(2027, 1, 5), Units = sheet.Unit,
        }));
        Assert.True(again.Ok, string.Join(",", again.Errors));
    }

    [Fact]
    public async Task AUnitMovedIn_CannotBeMovedOrTakenOut()
    {
        var (batchId, ids) = await moveIns.NoticedBatchAsync(1, inDays: 0);
        await moveIns.ReadyAsync(ids[0]);
        Assert.True((await moveIns.CompleteAsync(ids[0])).Ok);
        var version = await VersionAsync(ids[0]);

        Assert.Equal("UnitMovedIn", (await MoveAsync(ids[0], version, new DateOnly(2026, 12, 20), null, "延期")).Errors[""]);
        Assert.Equal("UnitMovedIn", (await CancelAsync(ids[0], version, "取消")).Errors[""]);
        Assert.Empty(await ChangesAsync(batchId));
    }

    [Fact]
    public async Task TheReminder_NoneForAUnitTakenOut_OnceMoreBeforeTheNewDaysOfAUnitMoved()
    {
        var (_, ids) = await moveIns.NoticedBatchAsync(2, inDays: 1);
        var today = new DateOnly(2026, 12, 10);
        Assert.True((await CancelAsync(ids[0], await VersionAsync(ids[0]), "买方放弃购房")).Ok);
        await RemindAsync(today);
        Assert.True((await MoveAsync(ids[1], await VersionAsync(ids[1]), new DateOnly(2026, 12, 20), null, "贷款未批")).Ok);

        // Not yet due for the new day; then due, and twice at once, and again the next day: once.
        await RemindAsync(today);
        Assert.Single(await RemindersAsync(ids[1]));
        await Task.WhenAll(RemindAsync(new DateOnly(2026, 12, 18)), RemindAsync(new DateOnly(2026, 12, 18)));
        await RemindAsync(new DateOnly(2026, 12, 19));

        Assert.Empty(await RemindersAsync(ids[0]));
        var reminders = await RemindersAsync(ids[1]);
        Assert.Equal(2, reminders.Select(n => n.SourceKey).Distinct().Count());
        Assert.Equal(reminders.Count, reminders.Select(n => (n.SourceKey, n.Channel)).Distinct().Count());
        Assert.Contains(reminders, n => n.Body.Contains("2026-12-20"));
    }

    private async Task RemindAsync(DateOnly day)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MoveInReminders>().RemindAsync(day);
    }

    private async Task<List<Notice>> RemindersAsync(int moveInId)
    {
        await using var db = await app.CreateDbContextAsync();
        var prefix = MoveInNotices.Source(moveInId);
        return (await db.Notices.AsNoTracking().Where(n => n.Kind == MoveInNotices.ReminderKind && n.SourceKey.StartsWith(prefix)).ToListAsync())
            .Where(n => n.SourceKey == prefix || n.SourceKey.StartsWith(prefix + ":", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public async Task AnOwnerWithoutEmailOrMobile_GetsLettersInTheirLanguage_ListedPrintedAndMarkedFromTheBatch()
    {
        // The unit the next batch takes (see MoveInTesting.NoticedBatchAsync): its owner has neither e-mail nor a mobile.
        int ownerId;
        await using (var db = await app.CreateDbContextAsync())
        {
            var taken = await db.MoveIns.Select(m => m.UnitId).ToListAsync();
            var unitId = await db.Units.Where(u => !taken.Contains(u.Id) && u.Occupants.Any(o => o.Role == OccupantRole.Owner)).OrderByDescending(u => u.Id).Select(u => u.Id).FirstAsync();
            var owner = await db.Occupants.Where(o => o.UnitId == unitId && o.Role == OccupantRole.Owner).OrderBy(o => o.Id).FirstAsync();
            (owner.Email, owner.Phone, owner.Phone2, owner.PreferredLanguage) = (null, null, null, "zh-Hant");
            await db.SaveChangesAsync();
            ownerId = owner.Id;
        }
        var (batchId, ids) = await moveIns.NoticedBatchAsync(1, inDays: 6);
        Assert.Equal(ownerId, (await moveIns.SheetAsync(ids[0])).OccupantId);
        Assert.True((await MoveAsync(ids[0], await VersionAsync(ids[0]), new DateOnly(2026, 12, 22), null, "貸款未批")).Ok);

        var pending = (await moveIns.AsAsync<BatchLetters?, MoveInPaperNotices>(Roles.Clerk, s => s.PendingAsync(batchId)))!;

        Assert.Equal(2, pending.Letters.Count);
        var unit = (await moveIns.SheetAsync(ids[0])).Unit;
        Assert.All(pending.Letters, l => Assert.Equal(("zh-Hant", unit), (l.Language, l.Unit)));
        Assert.Contains(pending.Letters, l => l.Link is not null && l.Link.Contains("/h/") && l.Body.Contains("身份證明"));
        Assert.Contains(pending.Letters, l => l.Body.Contains("2026-12-22") && l.Body.Contains("貸款未批"));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostLoginAsync(SignIn.DemoEmail(Roles.Clerk), DemoUsers.Password)).StatusCode);
        var print = WebUtility.HtmlDecode(await client.GetStringAsync($"/move-in/batches/{batchId}/letters"));
        Assert.All(pending.Letters, l => Assert.Contains($"data-notice-id=\"{l.Id}\"", print));
        Assert.Contains("尊敬的", print);

        Assert.Equal(2, await moveIns.AsAsync<int, NoticeService>(Roles.Clerk, s => s.MarkDeliveredAsync(pending.Letters)));
        Assert.Empty((await moveIns.AsAsync<BatchLetters?, MoveInPaperNotices>(Roles.Clerk, s => s.PendingAsync(batchId)))!.Letters);
        // An engineer may not read the letters (they carry the owner's link).
        await Assert.ThrowsAnyAsync<Exception>(() => moveIns.AsAsync<BatchLetters?, MoveInPaperNotices>(Roles.Engineer, s => s.PendingAsync(batchId)));
    }

    [Fact]
    public async Task BatchPage_MovesOneUnitAndTakesAnotherOut_AsksForTheReason_RowsAndHistorySayIt()
    {
        var (batchId, ids) = await moveIns.NoticedBatchAsync(2, inDays: 5);
        await using var scope = app.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Supervisor);
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        foreach (var type in new[] { typeof(MoveInBatchService), typeof(MoveInBatchChanges), typeof(MoveInUnitChanges), typeof(MoveInPaperNotices), typeof(NoticeService), typeof(EstateTime) })
            ctx.Services.AddSingleton(type, scope.ServiceProvider.GetRequiredService(type));
        ctx.AddAuthorization().SetAuthorized("supervisor").SetAccess(Roles.Supervisor);
        var page = ctx.Render<MoveInBatchPage>(p => p.Add(x => x.Id, batchId));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=batch-unit-change]").Count));

        await page.Find($"[data-move-in='{ids[0]}'] [data-testid=batch-unit-change]").ClickAsync(new());
        page.Find("input[data-testid=unit-new-first-day]").Change("2026-12-28");
        await page.Find("[data-testid=unit-move]").ClickAsync(new());
        var reasonRequired = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<PropertyHub.Resources.MoveInText>>()["ReasonRequired"].Value;
        page.WaitForAssertion(() => Assert.Contains(reasonRequired, page.Find("[data-testid=unit-change]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=batch-history-row]"));
        page.Find("input[data-testid=unit-change-reason]").Change("贷款未批");
        await page.Find("[data-testid=unit-move]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("2026-12-28", page.Find($"[data-move-in='{ids[0]}'] [data-testid=batch-unit-own-days]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=unit-change]"));
        Assert.Contains("贷款未批", Assert.Single(page.FindAll("[data-testid=batch-history-row]")).TextContent);
        Assert.Empty(page.FindAll($"[data-move-in='{ids[1]}'] [data-testid=batch-unit-own-days]"));

        await page.Find($"[data-move-in='{ids[1]}'] [data-testid=batch-unit-change]").ClickAsync(new());
        page.Find("input[data-testid=unit-change-reason]").Change("买方放弃购房");
        await page.Find("[data-testid=unit-cancel]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-move-in='{ids[1]}'] [data-testid=batch-unit-taken-out]")));
        Assert.Empty(page.FindAll($"[data-move-in='{ids[1]}'] [data-testid=batch-unit-change]"));
        Assert.Equal(2, page.FindAll("[data-testid=batch-history-row]").Count);
        Assert.True((await moveIns.SheetAsync(ids[1])).Cancelled);
    }
}
