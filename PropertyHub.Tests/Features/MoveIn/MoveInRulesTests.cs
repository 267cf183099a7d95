using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Features.MoveIn;
using PropertyHub.Features.Repairs;

namespace PropertyHub.Tests.Features.MoveIn;

/// <summary>The move-in's rules on one app whose clock the tests move: slots, the reminder, defects, billing from the move-in day.</summary>
public sealed class MoveInRulesTests(MoveInClock clock) : IClassFixture<MoveInClock>
{
    private readonly ClockedAppFactory app = clock.Factory;
    private readonly MoveInTesting moveIns = new(clock.Factory);

    [Fact]
    public async Task ASlotTaken_IsRefusedWithItsMessage_AndTwoOwnersAtTheSameSecondLeaveOneHolder()
    {
        var (batchId, ids) = await moveIns.NoticedBatchAsync(3);
        var slots = await moveIns.SlotsAsync(batchId);
        var (a, b, c) = (await moveIns.TokenAsync(ids[0]), await moveIns.TokenAsync(ids[1]), await moveIns.TokenAsync(ids[2]));

        Assert.True((await moveIns.PickAsync(a, slots[0])).Ok);
        var refused = await moveIns.PickAsync(b, slots[0]);
        Assert.Equal("SlotTaken", refused.Errors["Slot"]);
        Assert.Null((await moveIns.SheetAsync(ids[1])).Slot);

        var both = await Task.WhenAll(moveIns.PickAsync(b, slots[1]), moveIns.PickAsync(c, slots[1]));
        Assert.Single(both, r => r.Ok);
        Assert.Single(both, r => !r.Ok && r.Errors["Slot"] == "SlotTaken");
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(1, await db.MoveIns.CountAsync(m => m.SlotId == slots[1]));
        // The owner who held a slot moves to another: the first is free again.
        Assert.True((await moveIns.PickAsync(a, slots[2])).Ok);
        Assert.True((await moveIns.PickAsync(b, slots[0])).Ok || (await moveIns.SheetAsync(ids[1])).Slot is not null);
    }

    [Fact]
    public async Task TheSlotLink_ShowsWhatToBringAndTheFreeSlots_InTheOwnersLanguage_AForgedOneNothing()
    {
        var (_, ids) = await moveIns.NoticedBatchAsync(1);
        await using (var db = await app.CreateDbContextAsync())
        {
            var moveIn = await db.MoveIns.SingleAsync(m => m.Id == ids[0]);
            (await db.Occupants.SingleAsync(o => o.Id == moveIn.OccupantId)).PreferredLanguage = "zh-Hant";
            await db.SaveChangesAsync();
        }
        using var client = app.CreateClient();

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/h/" + await moveIns.TokenAsync(ids[0])));
        var forged = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/h/" + PropertyHub.Features.PersonalLinks.LinkTokens.NewToken()));

        Assert.Contains("slot-select", page);
        // Nothing is chosen for the owner: the only selected option is the prompt to choose, which cannot be sent.
        var select = System.Text.RegularExpressions.Regex.Match(page, "<select id=\"slot\".*?</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("— 請選擇時段 —", select);
        Assert.Matches("<option value(=\"\")?( [^>]*)? selected", select);
        Assert.DoesNotMatch("<option value=\"\\d+\"[^>]*selected", select);
        Assert.Contains("身份證明原件及復印件", page);
        Assert.Contains("2026-12-13 09:00–10:00", page);
        Assert.DoesNotContain("slot-select", forged);
        Assert.Contains("slot-message", forged);

        // The advance notice is laid out as lines, each document on its own, with Chinese punctuation in Chinese.
        await using var read = await app.CreateDbContextAsync();
        var notices = await read.Notices.Where(n => n.Kind == MoveInNotices.NoticeKind && n.SourceKey == MoveInNotices.Source(ids[0])).ToListAsync();
        Assert.NotEmpty(notices);
        foreach (var notice in notices)
        {
            Assert.Contains("\n• ", notice.Body);
            if (notice.Language.StartsWith("zh", StringComparison.Ordinal))
                Assert.DoesNotMatch("[\\u4e00-\\u9fff][,:;]", notice.Body);
        }
    }

    [Fact]
    public async Task TheReminder_GoesOncePerOwner_HoweverOftenItRuns()
    {
        var (_, ids) = await moveIns.NoticedBatchAsync(2, inDays: 1);
        var day = new DateOnly(2026, 12, 10);
        var runs = await Task.WhenAll(RemindAsync(day), RemindAsync(day));
        // The next day's run, and a run catching up on the same day again, find them reminded.
        await RemindAsync(day.AddDays(1));
        await RemindAsync(day);

        await using var db = await app.CreateDbContextAsync();
        foreach (var id in ids)
        {
            var notices = await db.Notices.Where(n => n.Kind == MoveInNotices.ReminderKind && n.SourceKey == MoveInNotices.Source(id)).ToListAsync();
            Assert.NotEmpty(notices);
            Assert.Equal(notices.Count, notices.Select(n => n.Channel).Distinct().Count());
        }
        Assert.True(runs.Sum() >= ids.Count);
    }

    [Fact]
    public async Task ADefectOnTheInspection_BecomesARepairWorkOrderForTheUnit()
    {
        var (_, ids) = await moveIns.NoticedBatchAsync(1);
        var refused = await moveIns.AsAsync<MoveInResult, MoveInService>(Roles.Clerk, s => s.AddDefectAsync(ids[0], new DefectInput { Place = "主卧" }));
        Assert.Equal("DefectRequired", refused.Errors["Description"]);

        var added = await moveIns.AsAsync<MoveInResult, MoveInService>(Roles.Clerk,
            s => s.AddDefectAsync(ids[0], new DefectInput { Place = "主卧窗户", Description = "窗框渗水", Category = RepairCategory.DoorsAndWindows }));

        Assert.True(added.Ok, string.Join(",", added.Errors));
        var sheet = await moveIns.SheetAsync(ids[0]);
        var defect = Assert.Single(sheet.Defects);
        // The inspection is still under way until "Inspection done": a defect does not mark the house inspected.
        Assert.Null(sheet.InspectedAt);
        Assert.Null(sheet.InspectedBy);
        await using var db = await app.CreateDbContextAsync();
        var order = await db.WorkOrders.SingleAsync(w => w.Id == defect.WorkOrderId);
        Assert.Equal(sheet.UnitId, order.UnitId);
        Assert.Equal(RepairCategory.DoorsAndWindows, order.Category);
        Assert.Contains("窗框渗水", order.Description);
    }

    [Fact]
    public async Task TheRecord_WrittenInEnglish_ReadsInEachReadersLanguage_ListedAsThatLanguageDoes()
    {
        var (_, ids) = await moveIns.NoticedBatchAsync(1, inDays: 0);
        var sheet = await moveIns.SheetAsync(ids[0]);
        Assert.True((await moveIns.AsAsync<MoveInResult, MoveInService>(Roles.Clerk, s => s.ReceiveDocumentsAsync(ids[0], sheet.Version, ["MoveInNotice", "PaymentProof"]))).Ok);
        await moveIns.ReadyAsync(ids[0]);
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
        try
        {
            Assert.True((await moveIns.CompleteAsync(ids[0])).Ok);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }

        var kept = (await moveIns.SheetAsync(ids[0])).Record;
        var text = app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<PropertyHub.Resources.MoveInText>>();
        var items = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MoveInOptions>>().Value.Documents;
        var english = MoveInRecordText.Render(kept, text, items, new System.Globalization.CultureInfo("en"))!;
        Assert.Contains("Documents received: Move-in notice, Proof of payment for the home", english);
        Assert.DoesNotContain("、", english);
        Assert.DoesNotContain("入伙通知", english);
        var chinese = MoveInRecordText.Render(kept, text, items, new System.Globalization.CultureInfo("zh-Hans"))!;
        Assert.Contains("已收资料：入伙通知书、房款支付证明", chinese);
        Assert.DoesNotContain("Documents received", chinese);
    }

    [Fact]
    public void TheRecord_NoDefects_NoEmptyBrackets_AndThePrintLeavesTheReceiptsToItsTable()
    {
        var text = app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<PropertyHub.Resources.MoveInText>>();
        var items = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MoveInOptions>>().Value.Documents;
        var zh = new System.Globalization.CultureInfo("zh-Hans");
        var none = MoveInRecordText.Write(items, [], [], "大门钥匙 2", "王", [], null);
        var two = MoveInRecordText.Write(items, [], [12, 13], "大门钥匙 2", "王", ["R2026-000001"], null);

        var page = MoveInRecordText.Render(none, text, items, zh)!;
        var print = MoveInRecordText.Render(two, text, items, zh, receipts: false)!;

        Assert.Contains("房屋验收问题：0 项", page);
        Assert.DoesNotContain("（维修工单", page);
        Assert.Contains("收据：—", page);
        Assert.Contains("房屋验收问题：2 项（维修工单 #12、#13）", print);
        Assert.DoesNotContain("收据", print);
    }

    [Fact]
    public async Task MoveInCompleted_IsBilledFromThatDay_ANotMovedInUnitNotAtAll_TheRestAsBefore()
    {
        var (_, ids) = await moveIns.NoticedBatchAsync(2, inDays: 0);
        Assert.Equal("InspectionFirst", (await moveIns.CompleteAsync(ids[0])).Errors[""]);
        await moveIns.ReadyAsync(ids[0]);
        Assert.True((await moveIns.CompleteAsync(ids[0])).Ok);
        var done = await moveIns.SheetAsync(ids[0]);
        Assert.Equal(new DateOnly(2026, 12, 10), done.MovedInOn);
        Assert.Contains("大门钥匙", done.Record);
        Assert.Equal("AlreadyCompleted", (await moveIns.CompleteAsync(ids[0])).Errors[""]);

        var december = new DateOnly(2026, 12, 1);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PaymentRequestIssuer>().IssueAsync(december, CancellationToken.None);

        await using var db = await app.CreateDbContextAsync();
        var waiting = await moveIns.SheetAsync(ids[1]);
        Assert.False(await db.PaymentRequests.AnyAsync(r => r.UnitId == waiting.UnitId && r.Month == december));
        var request = await db.PaymentRequests.Include(r => r.Lines).SingleAsync(r => r.UnitId == done.UnitId && r.Month == december);
        // Billed from the 10th: 22 of December's 31 days, each fee line dated.
        Assert.All(request.Lines.Where(l => l.Kind == PropertyHub.Features.Fees.RequestLineKind.Fee), l => Assert.Contains("12-10–12-31", l.Description));
        var units = await db.Units.CountAsync(u => u.Occupants.Any());
        var inBatches = await db.MoveIns.CountAsync(m => m.MovedInOn == null);
        Assert.Equal(units - inBatches, await db.PaymentRequests.CountAsync(r => r.Month == december));
    }

    private async Task<int> RemindAsync(DateOnly day)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MoveInReminders>().RemindAsync(day);
    }
}
