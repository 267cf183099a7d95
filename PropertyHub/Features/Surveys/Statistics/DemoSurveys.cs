using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Ledger;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Surveys.Statistics;

/// <summary>
/// The last four quarters' evaluation forms of the demo estate, answered the way a real estate answers (two thirds to
/// four fifths come back, mostly satisfied, a few very dissatisfied and some written opinions), with their
/// rectifications and follow-ups mostly closed, so the statistics have a trend to show on first start.
/// </summary>
public sealed class DemoSurveys(
    IDbContextFactory<AppDbContext> dbFactory,
    Permissions permissions,
    EstateTime estateTime,
    IOptions<SurveyOptions> options,
    IConfiguration configuration,
    ILogger<DemoSurveys> logger)
{
    public const int Quarters = 4;

    private static readonly double[] ResponseRates = [0.64, 0.69, 0.73, 0.78];

    /// <summary>How weak each item (by code) starts: more 1–3 scores; everything gets a little better each quarter.</summary>
    private static readonly Dictionary<string, double> Weakness = new()
    {
        ["reception"] = 0.3, ["security"] = 0.5, ["cleaning"] = 0.6, ["greening"] = 0.2, ["repairs"] = 1.0, ["fees"] = 0.8,
    };

    private static readonly string[] Complaints =
    [
        "电梯经常停运维修，希望尽快解决。", "晚上小区门口的保安不太认真。", "楼道卫生有时候没有及时打扫。",
        "报修后等了三天才有人来。", "物业费明细希望在公告栏公示。",
    ];

    private static readonly string[] Praise = ["客服态度很好，谢谢！", "维修师傅很及时，辛苦了。", "小区绿化越来越好了。"];

    private static readonly string[] Suggestions =
    [
        "建议增加电动车充电桩。", "建议儿童游乐区增加遮阳棚。", "希望地下车库增加照明。",
        "建议每季度公布一次收支情况。", "希望绿化带多种一些花。", "建议开通线上报修进度查询。",
    ];

    private static readonly Dictionary<Department, string> Responsible = new()
    {
        [Department.CustomerService] = "客服主管 陈建国", [Department.Security] = "护卫队长 刘强", [Department.Property] = "保洁主管 吴敏",
        [Department.Engineering] = "工程主管 黄伟", [Department.Finance] = "财务 张丽",
    };

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeedDemoData, ct);
        // Part of the demo data; Seed:DemoContacts=false leaves the survey empty (tests that count from zero).
        if (!configuration.GetValue("Seed:DemoContacts", true))
            return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Surveys.AnyAsync(ct))
            return;
        var estateId = await db.Estates.OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        var template = await db.SurveyTemplates.AsNoTracking().Include(t => t.Items)
            .Where(t => t.IsActive).OrderByDescending(t => t.Id).FirstOrDefaultAsync(ct);
        if (estateId is null || template is null)
            return;
        var items = template.Items.Where(i => !i.IsArchived).OrderBy(i => i.Order).ThenBy(i => i.Id).ToList();
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Building!.EstateId == estateId && u.Occupants.Any())
            .OrderBy(u => u.Id)
            .Select(u => new DemoUnit(u.Id, u.BuildingId,
                u.Occupants.OrderBy(o => o.Role == Registry.OccupantRole.Tenant ? 0 : 1).ThenBy(o => o.Id).Select(o => o.Id).First()))
            .ToListAsync(ct);
        if (items.Count == 0 || units.Count == 0)
            return;

        var random = new Random(2026_11);
        var quarters = SurveyQuarter.Of(estateTime.Today(estateId.Value)).Previous.Trailing(Quarters);
        var count = 0;
        for (var i = 0; i < quarters.Count; i++)
        {
            var latest = i == quarters.Count - 1;
            count += await SeedQuarterAsync(estateId.Value, template.Id, items, units, quarters[i], ResponseRates[i], 0.25 * (Quarters - 1 - i), latest, random.Next(), ct);
        }
        logger.LogInformation("Seeded {Count} demo evaluation forms over {Quarters} quarters", count, quarters.Count);
    }

    private sealed record DemoUnit(int Id, int BuildingId, int OccupantId);

    private async Task<int> SeedQuarterAsync(int estateId, int templateId, List<SurveyItem> items, List<DemoUnit> units, SurveyQuarter quarter,
        double responseRate, double extraWeakness, bool latest, int seed, CancellationToken ct)
    {
        var issuedAt = estateTime.StartOfDay(estateId, quarter.FirstDay).AddHours(9);
        var clerk = DemoUsers.All.Single(u => u.Role == Roles.Clerk).DisplayName;
        var manager = DemoUsers.All.Single(u => u.Role == Roles.Manager).DisplayName;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            // Each attempt builds its forms afresh from the same seed: a retried one must not insert the failed
            // attempt's objects, which still hold the keys that attempt was given.
            var random = new Random(seed);
            var surveys = Forms(random);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Surveys.AddRange(surveys);
            await db.SaveChangesAsync(ct);
            foreach (var survey in surveys.Where(s => s.Status == SurveyStatus.Answered))
            {
                var answeredAt = survey.AnsweredAt!.Value;
                foreach (var (item, score) in items.Zip(survey.Scores).Where(p => p.Second.Score <= 2))
                    db.Rectifications.Add(Rectification(survey, item, score, answeredAt, latest, manager, random));
                if (survey.Comment is not null || survey.Suggestion is not null)
                    db.FollowUps.Add(FollowUp(survey, answeredAt, latest, clerk, random));
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return surveys.Count;
        });

        List<Survey> Forms(Random random)
        {
            var surveys = units.Select(u => new Survey
            {
                EstateId = estateId,
                BuildingId = u.BuildingId,
                UnitId = u.Id,
                OccupantId = u.OccupantId,
                Quarter = quarter.ToString(),
                TemplateId = templateId,
                IssuedAt = issuedAt,
                Status = SurveyStatus.Issued,
            }).ToList();
            foreach (var survey in surveys.Where(_ => random.NextDouble() < responseRate))
            {
                survey.Status = SurveyStatus.Answered;
                survey.AnsweredAt = issuedAt.AddDays(random.Next(1, 40)).AddHours(random.Next(0, 12)).AddMinutes(random.Next(60));
                survey.AnsweredVia = random.NextDouble() < 0.55 ? AnswerChannel.Online : AnswerChannel.Paper;
                survey.EnteredBy = survey.AnsweredVia == AnswerChannel.Paper ? clerk : null;
                survey.Scores = items.Select(item => new SurveyScore
                {
                    ItemId = item.Id,
                    Score = Score(random, Weakness.GetValueOrDefault(item.Code, 0.5) + extraWeakness),
                }).ToList();
                var unhappy = survey.Scores.Any(s => s.Score <= 2);
                if (unhappy ? random.NextDouble() < 0.5 : random.NextDouble() < 0.04)
                    survey.Comment = unhappy ? Complaints[random.Next(Complaints.Length)] : Praise[random.Next(Praise.Length)];
                if (random.NextDouble() < 0.06)
                    survey.Suggestion = Suggestions[random.Next(Suggestions.Length)];
            }
            return surveys;
        }
    }

    /// <summary>Mostly 4 and 5; a weaker item gets more 3s and a few 1s and 2s.</summary>
    private static int Score(Random random, double weakness)
    {
        var r = random.NextDouble();
        var p1 = 0.008 + 0.012 * weakness;
        var p2 = p1 + 0.015 + 0.03 * weakness;
        var p3 = p2 + 0.07 + 0.08 * weakness;
        var p4 = p3 + 0.42;
        return r < p1 ? 1 : r < p2 ? 2 : r < p3 ? 3 : r < p4 ? 4 : 5;
    }

    private Rectification Rectification(Survey survey, SurveyItem item, SurveyScore score, DateTimeOffset answeredAt, bool latest, string manager, Random random)
    {
        // Older quarters are all signed off; the last one still has some waiting for sign-off or not yet done.
        var roll = random.NextDouble();
        var status = !latest || roll < 0.8 ? RectificationStatus.SignedOff : roll < 0.92 ? RectificationStatus.Done : RectificationStatus.Open;
        var doneAt = status == RectificationStatus.Open ? (DateTimeOffset?)null : answeredAt.AddDays(random.Next(2, 12)).AddHours(random.Next(1, 6));
        return new Rectification
        {
            SurveyScore = score,
            SurveyId = survey.Id,
            ItemId = item.Id,
            EstateId = survey.EstateId,
            BuildingId = survey.BuildingId,
            UnitId = survey.UnitId,
            Quarter = survey.Quarter,
            Score = score.Score,
            Department = item.Department,
            ResponsiblePerson = Responsible.GetValueOrDefault(item.Department, "管理处主任 林志明"),
            DueDate = estateTime.LocalDate(survey.EstateId, answeredAt).AddDays(options.Value.RectificationDays),
            Status = status,
            Measure = status == RectificationStatus.Open ? null : "已上门了解情况并整改，加强日常巡查。",
            EvidenceNote = status == RectificationStatus.Open ? null : "整改前后照片已存档，业户已确认。",
            CreatedAt = answeredAt,
            DoneAt = doneAt,
            SignedOffBy = status == RectificationStatus.SignedOff ? manager : null,
            SignedOffAt = status == RectificationStatus.SignedOff ? doneAt!.Value.AddDays(random.Next(1, 4)) : null,
        };
    }

    private static FollowUp FollowUp(Survey survey, DateTimeOffset answeredAt, bool latest, string clerk, Random random)
    {
        var done = !latest || random.NextDouble() < 0.85;
        return new FollowUp
        {
            SurveyId = survey.Id,
            EstateId = survey.EstateId,
            UnitId = survey.UnitId,
            OccupantId = survey.OccupantId,
            Quarter = survey.Quarter,
            Opinion = string.Join("\n", new[] { survey.Suggestion, survey.Comment }.Where(t => t is not null)),
            Status = done ? FollowUpStatus.Done : FollowUpStatus.Open,
            Method = done ? (random.NextDouble() < 0.7 ? FollowUpMethod.Call : FollowUpMethod.Visit) : null,
            Outcome = done ? "已向业户说明处理情况，业户表示满意。" : null,
            CreatedAt = answeredAt,
            DoneAt = done ? answeredAt.AddDays(random.Next(1, 7)) : null,
            DoneBy = done ? clerk : null,
        };
    }
}
