using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Audit;
using PropertyHub.Features.OccupantFile.Documents;
using PropertyHub.Features.OccupantFile.Titles;
using PropertyHub.Features.OccupantFile.Vip;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.OccupantFile.Timeline;

/// <summary>
/// The timeline of a unit and its occupants (業戶大事記), newest first: every source is one SELECT of the same shape,
/// the chosen ones joined by UNION ALL in the database, ordered and paged there — no table is read into memory.
/// Notices are listed only to those who may see notices.
/// </summary>
public sealed class OccupantTimeline(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions)
{
    private const int ExcerptLength = 120;

    public static readonly IReadOnlyList<TimelineEventKind> AllKinds = Enum.GetValues<TimelineEventKind>();

    /// <summary>One page of the unit's timeline, of the <paramref name="kinds"/> chosen (all when empty).</summary>
    public async Task<Slice<TimelineEvent>> GetPageAsync(int unitId, IReadOnlyCollection<TimelineEventKind> kinds, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await QueryAsync(db, unitId, kinds, ct) is not { } all)
            return new Slice<TimelineEvent>([], 0);
        var slice = await all.ToSliceAsync(page, ct);
        return new Slice<TimelineEvent>(slice.Rows.Select(Event).ToList(), slice.Total);
    }

    /// <summary>The whole timeline of the <paramref name="kinds"/> chosen (all when empty), newest first: what is printed.</summary>
    public async Task<IReadOnlyList<TimelineEvent>> GetAllAsync(int unitId, IReadOnlyCollection<TimelineEventKind> kinds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await QueryAsync(db, unitId, kinds, ct) is not { } all)
            return [];
        return (await all.ToListAsync(ct)).Select(Event).ToList();
    }

    private async Task<IQueryable<TimelineRow>?> QueryAsync(AppDbContext db, int unitId, IReadOnlyCollection<TimelineEventKind> kinds, CancellationToken ct)
    {
        var wanted = (kinds.Count == 0 ? AllKinds : kinds).ToHashSet();
        if (!await permissions.MayAsync(Can.SeeNotices, ct))
            wanted.Remove(TimelineEventKind.Notice);
        IQueryable<TimelineRow>? all = null;
        foreach (var kind in AllKinds.Where(wanted.Contains))
            all = all is null ? Source(db, unitId, kind) : all.Concat(Source(db, unitId, kind));
        return all?.OrderByDescending(e => e.At).ThenByDescending(e => e.SourceId);
    }

    /// <summary>A change row's text for a VIP service ended (read as "VIP service ended").</summary>
    public const string EndedVipProfile = "VipProfileEnded";

    /// <summary>A change row's text for an occupant added begins with this, followed by their name.</summary>
    public const string AddedOccupant = "+";

    private static TimelineEvent Event(TimelineRow r) => new((TimelineEventKind)r.Kind, r.At, r.SourceId, r.Text, r.Amount, r.By, r.Phrase)
    {
        Day = r.Day,
        Score = r.ScoreCount is > 0 && r.ScoreSum is { } sum ? Math.Round((decimal)sum / r.ScoreCount.Value, 1) : null,
    };

    private static IQueryable<TimelineRow> Source(AppDbContext db, int unitId, TimelineEventKind kind)
    {
        var occupants = db.Occupants.Where(o => o.UnitId == unitId).Select(o => o.Id);
        var requests = db.ServiceRequests.Where(r => r.UnitId == unitId);
        return kind switch
        {
            TimelineEventKind.Contact => Contacts(requests.Where(r => r.Kind != RequestKind.Complaint && r.Kind != RequestKind.Repair), kind),
            TimelineEventKind.Complaint => Contacts(requests.Where(r => r.Kind == RequestKind.Complaint), kind),
            TimelineEventKind.Repair => Contacts(requests.Where(r => r.Kind == RequestKind.Repair), kind).Concat(RepairSteps(db, requests, kind)),
            TimelineEventKind.PaymentRequest => db.PaymentRequests.Where(r => r.UnitId == unitId)
                .Select(r => new TimelineRow { Kind = (int)kind, At = r.IssuedAt, SourceId = r.Id, Text = (string?)null, Amount = r.Total, By = (string?)null, Phrase = (string?)null, Day = (DateOnly?)r.Month, ScoreSum = (int?)null, ScoreCount = (int?)null }),
            TimelineEventKind.Payment => db.Payments.Where(p => p.UnitId == unitId)
                .Select(p => new TimelineRow { Kind = (int)kind, At = p.ReceivedAt, SourceId = p.Id, Text = p.ReceiptNumber, Amount = p.Amount, By = p.ReceivedBy, Phrase = (string?)null, Day = (DateOnly?)null, ScoreSum = (int?)null, ScoreCount = (int?)null }),
            TimelineEventKind.Notice => db.Notices.Where(n => n.OccupantId != null && occupants.Contains(n.OccupantId.Value))
                .Select(n => new TimelineRow { Kind = (int)kind, At = n.CreatedAt, SourceId = n.Id, Text = n.Subject, Amount = (decimal?)null, By = (string?)null, Phrase = (string?)null, Day = (DateOnly?)null, ScoreSum = (int?)null, ScoreCount = (int?)null }),
            TimelineEventKind.SurveyAnswer => db.Surveys.Where(s => s.UnitId == unitId && s.AnsweredAt != null)
                .Select(s => new TimelineRow { Kind = (int)kind, At = s.AnsweredAt!.Value, SourceId = s.Id, Text = s.Quarter, Amount = (decimal?)null, By = s.EnteredBy, Phrase = (string?)null, Day = (DateOnly?)null,
                    ScoreSum = (int?)s.Scores.Sum(x => x.Score), ScoreCount = (int?)s.Scores.Count() }),
            TimelineEventKind.FollowUp => db.FollowUps.Where(f => f.UnitId == unitId)
                .Select(f => new TimelineRow { Kind = (int)kind, At = f.DoneAt ?? f.CreatedAt, SourceId = f.Id, Text = f.Outcome ?? f.Opinion, Amount = (decimal?)null, By = f.DoneBy, Phrase = (string?)null, Day = (DateOnly?)null, ScoreSum = (int?)null, ScoreCount = (int?)null }),
            TimelineEventKind.Title => db.AuditEntries.Where(a => a.EntityType == nameof(TitleRecord) && a.Action == AuditAction.Created
                    && db.TitleRecords.Any(t => t.Id == a.EntityId && t.UnitId == unitId))
                .Select(a => new TimelineRow { Kind = (int)kind, At = a.At, SourceId = a.Id, Text = db.TitleRecords.Where(t => t.Id == a.EntityId).Select(t => t.Occupant!.Name).FirstOrDefault(), Amount = (decimal?)null, By = a.UserName, Phrase = (string?)null,
                    Day = db.TitleRecords.Where(t => t.Id == a.EntityId).Select(t => (DateOnly?)t.From).FirstOrDefault(), ScoreSum = (int?)null, ScoreCount = (int?)null }),
            TimelineEventKind.Document => Documents(db, occupants, kind),
            _ => db.AuditEntries.Where(a =>
                    (a.EntityType == nameof(Unit) && a.EntityId == unitId)
                    || (a.EntityType == nameof(Occupant) && occupants.Contains(a.EntityId))
                    || (a.EntityType == nameof(VipProfile) && db.VipProfiles.Any(v => v.Id == a.EntityId && occupants.Contains(v.OccupantId))))
                // What changed, in words: a VIP service ended says so, an occupant added carries their name ("+name").
                .Select(a => new TimelineRow { Kind = (int)kind, At = a.At, SourceId = a.Id,
                    Text = a.EntityType == nameof(VipProfile) && a.Action == AuditAction.Changed && a.Changes.Any(c => c.Field == nameof(VipProfile.EndedAt) && c.New != null)
                        ? EndedVipProfile
                        : a.EntityType == nameof(Occupant) && a.Action == AuditAction.Created
                            ? AddedOccupant + (db.Occupants.Where(o => o.Id == a.EntityId).Select(o => o.Name).FirstOrDefault() ?? "")
                            : a.EntityType,
                    Amount = (decimal?)null, By = a.UserName, Phrase = (string?)null, Day = (DateOnly?)null, ScoreSum = (int?)null, ScoreCount = (int?)null }),
        };
    }

    /// <summary>Each paper put on file, when it was recorded, named in the user's language.</summary>
    private static IQueryable<TimelineRow> Documents(AppDbContext db, IQueryable<int> occupants, TimelineEventKind kind)
    {
        var entries = db.AuditEntries.Where(a => a.EntityType == nameof(OccupantDocument) && a.Action == AuditAction.Created)
            .Join(db.OccupantDocuments.Where(d => occupants.Contains(d.OccupantId)), a => a.EntityId, d => d.Id, (a, d) => new { a, d.Kind });
        return System.Globalization.CultureInfo.CurrentUICulture.Name switch
        {
            "en" => entries.Select(e => new TimelineRow { Kind = (int)kind, At = e.a.At, SourceId = e.a.Id, Text = e.Kind!.NameEn, Amount = (decimal?)null, By = e.a.UserName, Phrase = (string?)null, Day = (DateOnly?)null, ScoreSum = (int?)null, ScoreCount = (int?)null }),
            "zh-Hant" => entries.Select(e => new TimelineRow { Kind = (int)kind, At = e.a.At, SourceId = e.a.Id, Text = e.Kind!.NameHant, Amount = (decimal?)null, By = e.a.UserName, Phrase = (string?)null, Day = (DateOnly?)null, ScoreSum = (int?)null, ScoreCount = (int?)null }),
            _ => entries.Select(e => new TimelineRow { Kind = (int)kind, At = e.a.At, SourceId = e.a.Id, Text = e.Kind!.NameHans, Amount = (decimal?)null, By = e.a.UserName, Phrase = (string?)null, Day = (DateOnly?)null, ScoreSum = (int?)null, ScoreCount = (int?)null }),
        };
    }

    /// <summary>The shape every source is projected to, so that the database can join them by UNION ALL.</summary>
    private sealed class TimelineRow
    {
        public int Kind { get; init; }
        public DateTimeOffset At { get; init; }
        public long SourceId { get; init; }
        public string? Text { get; init; }
        public decimal? Amount { get; init; }
        public string? By { get; init; }
        public string? Phrase { get; init; }
        public DateOnly? Day { get; init; }
        public int? ScoreSum { get; init; }
        public int? ScoreCount { get; init; }
    }

    private static IQueryable<TimelineRow> Contacts(IQueryable<ServiceRequest> requests, TimelineEventKind kind) =>
        requests.Select(r => new TimelineRow { Kind = (int)kind, At = r.ReceivedAt, SourceId = r.Id, Text = r.Content.Length > ExcerptLength ? r.Content.Substring(0, ExcerptLength) + "…" : r.Content, Amount = (decimal?)null, By = r.TakenByName, Phrase = (string?)null, Day = (DateOnly?)null, ScoreSum = (int?)null, ScoreCount = (int?)null });

    /// <summary>The steps of the unit's repairs (booked, arrived, accepted, followed up…), with their phrase to read in the reader's language.</summary>
    private static IQueryable<TimelineRow> RepairSteps(AppDbContext db, IQueryable<ServiceRequest> requests, TimelineEventKind kind)
    {
        var repairs = requests.Where(r => r.Kind == RequestKind.Repair).Select(r => r.Id);
        return db.TimelineEntries.Where(t => t.Kind == TimelineKind.WorkOrder && repairs.Contains(t.ServiceRequestId))
            .Select(t => new TimelineRow { Kind = (int)kind, At = t.At, SourceId = t.Id, Text = t.Text, Amount = (decimal?)null, By = t.ActorName, Phrase = t.Phrase, Day = (DateOnly?)null, ScoreSum = (int?)null, ScoreCount = (int?)null });
    }
}
