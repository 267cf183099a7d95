using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Notices;
using PropertyHub.Features.OccupantFile.Timeline;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Surveys;
using PropertyHub.Resources;
using PropertyHub.Tests.Features.Fees.Books;

namespace PropertyHub.Tests.Features.OccupantFile;

/// <summary>The occupant's timeline: one of every kind of event appears, newest first, filtered by kind and paged in the database.</summary>
public sealed class TimelineTests : IAsyncLifetime
{
    private readonly ClockedAppFactory factory = new(TitleTesting.Now);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Timeline_OneOfEachKind_AllAppearNewestFirstFilteredAndPaged() => await TimelineScenario.RunAsync(factory);
}

[Collection(PostgresCollection.Name)]
public sealed class TimelinePostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Timeline_OnPostgres_OneOfEachKindUnionedAndPaged()
    {
        await using var factory = new ClockedAppFactory(TitleTesting.Now)
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("timeline_" + Guid.NewGuid().ToString("N")[..8]),
        };
        await TimelineScenario.RunAsync(factory);
    }
}

internal static class TimelineScenario
{
    public static async Task RunAsync(ClockedAppFactory factory)
    {
        var unit = await TitleTesting.SoldUnitAsync(factory);
        await TitleTesting.SellAsync(factory, unit, new DateOnly(2026, 12, 10));
        await SeedOneOfEachAsync(factory, unit);

        var all = await PageAsync(factory, Roles.Supervisor, unit.UnitId, [], new PageRequest(0, 100));
        Assert.Equal(Enum.GetValues<TimelineEventKind>().ToHashSet(), all.Rows.Select(e => e.Kind).ToHashSet());
        Assert.Equal(all.Rows.OrderByDescending(e => e.At).Select(e => e.At), all.Rows.Select(e => e.At));
        Assert.Equal(all.Total, all.Rows.Count);
        Assert.Contains(all.Rows, e => e.Kind == TimelineEventKind.Payment && e.Text == "R2026-990001" && e.Amount == 120.50m);
        Assert.Contains(all.Rows, e => e.Kind == TimelineEventKind.Title && e.Text == unit.Buyer);
        Assert.Contains(all.Rows, e => e.Kind == TimelineEventKind.Document && e.Text == "权属文件");
        // Each entry says what a clerk needs, in the reader's language: the transfer's date, the month billed, the score, who.
        var title = all.Rows.Single(e => e.Kind == TimelineEventKind.Title && e.Text == unit.Buyer);
        var request = all.Rows.Single(e => e.Kind == TimelineEventKind.PaymentRequest);
        var answer = all.Rows.Single(e => e.Kind == TimelineEventKind.SurveyAnswer);
        var change = all.Rows.First(e => e.Kind == TimelineEventKind.Change && e.By == "system");
        Assert.Equal(new DateOnly(2026, 12, 10), title.Day);
        Assert.Equal(new DateOnly(2026, 12, 1), request.Day);
        Assert.Equal(("2026-Q4", 4.5m), (answer.Text, answer.Score));
        var text = factory.Services.GetRequiredService<IStringLocalizer<OccupantFileText>>();
        var localizers = factory.Services.GetRequiredService<IStringLocalizerFactory>();
        var said = new Dictionary<string, string[]>();
        foreach (var language in new[] { "en", "zh-Hans", "zh-Hant" })
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            said[language] = [TimelineText.What(title, text, localizers) ?? "", TimelineText.What(request, text, localizers) ?? "",
                TimelineText.What(answer, text, localizers) ?? "", TimelineText.By(change, text) ?? ""];
        }
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        Assert.Equal([$"{unit.Buyer} owns the unit from 2026-12-10", "Fees for 2026-12", "2026-Q4 evaluation: average score 4.5 of 5", "System (scheduled duty)"], said["en"]);
        Assert.Equal([$"{unit.Buyer} 自 2026-12-10 起为业主", "2026-12 月份费用", "2026-Q4 评议：平均 4.5 分（满分 5 分）", "系统（定时任务）"], said["zh-Hans"]);
        Assert.Equal([$"{unit.Buyer} 自 2026-12-10 起為業主", "2026-12 月份費用", "2026-Q4 評議：平均 4.5 分（滿分 5 分）", "系統（定時任務）"], said["zh-Hant"]);
        // Nothing of another unit.
        var other = await TitleTesting.SoldUnitAsync(factory, skip: 1);
        Assert.DoesNotContain((await PageAsync(factory, Roles.Supervisor, other.UnitId, [], new PageRequest(0, 100))).Rows,
            e => e.Kind is TimelineEventKind.Payment or TimelineEventKind.Title or TimelineEventKind.Complaint);

        var money = await PageAsync(factory, Roles.Supervisor, unit.UnitId, [TimelineEventKind.Payment, TimelineEventKind.PaymentRequest], new PageRequest(0, 100));
        Assert.Equal([TimelineEventKind.PaymentRequest, TimelineEventKind.Payment], money.Rows.Select(e => e.Kind).Distinct().Order());

        var second = await PageAsync(factory, Roles.Supervisor, unit.UnitId, [], new PageRequest(3, 3));
        Assert.Equal(all.Total, second.Total);
        Assert.Equal(all.Rows.Skip(3).Take(3).Select(e => (e.Kind, e.SourceId)), second.Rows.Select(e => (e.Kind, e.SourceId)));

        // A clerk may not see notices: the timeline leaves them out.
        var clerk = await PageAsync(factory, Roles.Clerk, unit.UnitId, [], new PageRequest(0, 100));
        Assert.DoesNotContain(clerk.Rows, e => e.Kind == TimelineEventKind.Notice);
        Assert.Equal(all.Total - all.Rows.Count(e => e.Kind == TimelineEventKind.Notice), clerk.Total);
    }

    private static async Task<Slice<TimelineEvent>> PageAsync(ClockedAppFactory factory, string role, int unitId, TimelineEventKind[] kinds, PageRequest page)
    {
        Slice<TimelineEvent>? slice = null;
        await factory.AsAsync(role, async sp => slice = await sp.GetRequiredService<OccupantTimeline>().GetPageAsync(unitId, kinds, page));
        return slice!;
    }

    /// <summary>A contact, a complaint and a repair logged at the desk; a request, a payment, a notice, an answered form and its follow-up on file; a changed phone.</summary>
    private static async Task SeedOneOfEachAsync(ClockedAppFactory factory, SoldUnit unit)
    {
        await using var db = await factory.CreateDbContextAsync();
        var place = await db.Units.Where(u => u.Id == unit.UnitId).Select(u => new { u.BuildingId, u.Building!.EstateId }).SingleAsync();
        var at = TitleTesting.Now.ToUniversalTime();
        foreach (var (kind, minutes) in new[] { (RequestKind.Inquiry, 1), (RequestKind.Complaint, 2), (RequestKind.Repair, 3) })
        {
            db.ServiceRequests.Add(new ServiceRequest
            {
                EstateId = place.EstateId, UnitId = unit.UnitId, OccupantId = unit.BuyerId, Kind = kind, Channel = Channel.ServiceLine,
                Content = $"{kind} of {unit.Buyer}", Status = RequestStatus.Open, ReceivedAt = at.AddMinutes(minutes), TakenByName = "Clerk",
            });
        }
        var request = new PaymentRequest
        {
            EstateId = place.EstateId, BuildingId = place.BuildingId, UnitId = unit.UnitId, OccupantId = unit.BuyerId, Month = new(2026, 12, 1),
            DueDate = new(2026, 12, 20), IssuedAt = at.AddMinutes(4), Total = 120.50m,
        };
        db.PaymentRequests.Add(request);
        db.Payments.Add(new Payment
        {
            EstateId = place.EstateId, UnitId = unit.UnitId, OccupantId = unit.BuyerId, Amount = 120.50m, Method = PaymentMethod.Cash, ReceivedAt = at.AddMinutes(5),
            ReceivedBy = "Finance", ReceiptYear = 2026, ReceiptSeq = 990001, ReceiptNumber = "R2026-990001",
        });
        db.Notices.Add(new Notice
        {
            EstateId = place.EstateId, Kind = "test", SourceKey = "timeline:" + unit.UnitId, Channel = NoticeChannel.Letter, RecipientKey = "occupant:" + unit.BuyerId,
            OccupantId = unit.BuyerId, BuildingId = place.BuildingId, Language = "zh-Hans", Subject = "停水通知", Body = "…", CreatedAt = at.AddMinutes(6),
        });
        var templateId = await db.SurveyTemplates.Select(t => t.Id).FirstAsync();
        var survey = new Survey
        {
            EstateId = place.EstateId, BuildingId = place.BuildingId, UnitId = unit.UnitId, OccupantId = unit.BuyerId, Quarter = "2026-Q4", TemplateId = templateId,
            IssuedAt = at.AddDays(-30), Status = SurveyStatus.Answered, AnsweredAt = at.AddMinutes(7), Suggestion = "多些绿化",
        };
        foreach (var (item, score) in (await db.SurveyItems.Where(i => i.TemplateId == templateId).OrderBy(i => i.Id).Select(i => i.Id).Take(2).ToListAsync()).Zip([4, 5]))
            survey.Scores.Add(new SurveyScore { ItemId = item, Score = score });
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        db.FollowUps.Add(new FollowUp
        {
            SurveyId = survey.Id, EstateId = place.EstateId, UnitId = unit.UnitId, OccupantId = unit.BuyerId, Quarter = "2026-Q4", Opinion = "多些绿化",
            CreatedAt = at.AddMinutes(8),
        });
        var buyer = await db.Occupants.SingleAsync(o => o.Id == unit.BuyerId);
        buyer.Phone = "13900001111";
        db.OccupantDocuments.Add(new PropertyHub.Features.OccupantFile.Documents.OccupantDocument
        {
            OccupantId = unit.BuyerId, KindId = PropertyHub.Features.OccupantFile.Documents.StandardDocumentKinds.TitleDocuments, ReceivedOn = new(2026, 12, 10), ReceivedBy = "Clerk",
        });
        await db.SaveChangesAsync();
    }
}
