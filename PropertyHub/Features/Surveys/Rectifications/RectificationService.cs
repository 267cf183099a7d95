using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Resources;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Surveys.Rectifications;

/// <summary>
/// Works the rectifications (整改, P1§11.3) dissatisfied answers created: assign a department, a responsible person and
/// a due date, record the measure and its evidence, mark done; the manager signs a done one off or sends it back.
/// Every change checks the actor's roles and the version the user saw.
/// </summary>
public sealed class RectificationService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentActor actor,
    Permissions permissions,
    EstateTime estateTime,
    TimeProvider clock,
    IStringLocalizer<SurveyWorkText> text,
    ILogger<RectificationService> logger)
{
    public const int MaxPerson = 100;
    public const int MaxText = 1000;
    public const int MaxReason = 300;

    /// <summary>The estate's local date today: a rectification due before it and not signed off is overdue.</summary>
    public DateOnly Today(int estateId) => estateTime.Today(estateId);

    /// <summary>Sort keys of the list; anything else sorts by due date.</summary>
    public const string SortByUnit = "unit", SortByQuarter = "quarter";

    /// <summary>
    /// One page of the rectifications that match the filters (by due date unless asked otherwise; units naturally), how many
    /// match in all, and the counters of all rectifications (open; overdue).
    /// </summary>
    public async Task<RectificationList> ListAsync(RectificationQuery query, string culture, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = db.Rectifications.AsNoTracking();
        var late = await OverdueAsync(db, ct);
        var open = await all.CountAsync(r => r.Status == RectificationStatus.Open, ct);
        var overdue = await all.Where(r => r.Status != RectificationStatus.SignedOff).Where(late).CountAsync(ct);

        var filtered = query.Status switch
        {
            RectificationFilter.Open => all.Where(r => r.Status == RectificationStatus.Open),
            RectificationFilter.Done => all.Where(r => r.Status == RectificationStatus.Done),
            RectificationFilter.SignedOff => all.Where(r => r.Status == RectificationStatus.SignedOff),
            _ => all,
        };
        if (query.OverdueOnly)
            filtered = filtered.Where(r => r.Status != RectificationStatus.SignedOff).Where(late);
        if (query.Department is { } department)
            filtered = filtered.Where(r => r.Department == department);
        if (!string.IsNullOrEmpty(query.Quarter))
            filtered = filtered.Where(r => r.Quarter == query.Quarter);
        var total = await filtered.CountAsync(ct);
        var ordered = page.SortBy switch
        {
            SortByUnit => filtered.Join(db.Units, r => r.UnitId, u => u.Id, (r, u) => new { R = r, U = u })
                .OrderNaturallyBy(x => x.U, page.Descending).ThenBy(x => x.R.DueDate).ThenBy(x => x.R.Id).Select(x => x.R),
            SortByQuarter => (page.Descending ? filtered.OrderByDescending(r => r.Quarter) : filtered.OrderBy(r => r.Quarter))
                .ThenBy(r => r.DueDate).ThenBy(r => r.Id),
            _ => page.Descending ? filtered.OrderByDescending(r => r.DueDate).ThenByDescending(r => r.Id) : filtered.OrderBy(r => r.DueDate).ThenBy(r => r.Id),
        };
        var rows = await Project(db, ordered.Skip(page.SafeSkip).Take(page.SafeTake), culture, ct);
        return new RectificationList(rows, total, open, overdue);
    }

    /// <summary>One rectification as it is now, or null.</summary>
    public async Task<RectificationRow?> GetAsync(int id, string culture, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await Project(db, db.Rectifications.AsNoTracking().Where(r => r.Id == id), culture, ct);
        return rows.SingleOrDefault();
    }

    /// <summary>The quarters that have rectifications, newest first.</summary>
    public async Task<IReadOnlyList<string>> QuartersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quarters = await db.Rectifications.Select(r => r.Quarter).Distinct().ToListAsync(ct);
        return quarters.OrderDescending(StringComparer.Ordinal).ToList();
    }

    /// <summary>Saves department, responsible person, due date, measure and evidence of an open (or done) rectification.</summary>
    public Task<WorkResult> UpdateAsync(int id, int version, RectificationEdit edit, CancellationToken ct = default) =>
        ChangeAsync(id, version, Can.WorkRectifications, ct, r =>
        {
            if (r.Status == RectificationStatus.SignedOff)
                return WorkResult.Fail("AlreadySignedOff");
            var invalid = Validate(r, edit, requireDone: false);
            if (!invalid.Ok)
                return invalid;
            Apply(r, edit);
            return WorkResult.Saved;
        });

    /// <summary>Saves the fields and marks the rectification done: a measure and an evidence note are required.</summary>
    public Task<WorkResult> MarkDoneAsync(int id, int version, RectificationEdit edit, CancellationToken ct = default) =>
        ChangeAsync(id, version, Can.WorkRectifications, ct, r =>
        {
            if (r.Status != RectificationStatus.Open)
                return WorkResult.Fail(r.Status == RectificationStatus.SignedOff ? "AlreadySignedOff" : "AlreadyDone");
            var invalid = Validate(r, edit, requireDone: true);
            if (!invalid.Ok)
                return invalid;
            Apply(r, edit);
            r.Status = RectificationStatus.Done;
            r.DoneAt = clock.GetUtcNow();
            return WorkResult.Saved;
        });

    /// <summary>The manager signs a done rectification off: it is closed.</summary>
    public async Task<WorkResult> SignOffAsync(int id, int version, CancellationToken ct = default)
    {
        var who = await actor.GetAsync();
        return await ChangeAsync(id, version, Can.SignOffRectifications, ct, r =>
        {
            if (r.Status != RectificationStatus.Done)
                return WorkResult.Fail(r.Status == RectificationStatus.SignedOff ? "AlreadySignedOff" : "NotDone");
            r.Status = RectificationStatus.SignedOff;
            r.SignedOffBy = who.Name;
            r.SignedOffAt = clock.GetUtcNow();
            return WorkResult.Saved;
        });
    }

    /// <summary>The manager sends a done rectification back to open; the reason is appended to the evidence note.</summary>
    public async Task<WorkResult> SendBackAsync(int id, int version, string? reason, CancellationToken ct = default)
    {
        var who = await actor.GetAsync();
        var cleaned = Clean(reason);
        return await ChangeAsync(id, version, Can.SignOffRectifications, ct, r =>
        {
            if (r.Status != RectificationStatus.Done)
                return WorkResult.Fail(r.Status == RectificationStatus.SignedOff ? "AlreadySignedOff" : "NotDone");
            if (cleaned is null)
                return Field("Reason", "ReasonRequired");
            var line = text["SentBackNote", Today(r.EstateId).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), who.Name, cleaned].Value;
            var note = string.IsNullOrEmpty(r.EvidenceNote) ? line : r.EvidenceNote + "\n" + line;
            if (cleaned.Length > MaxReason || note.Length > MaxText)
                return Field("Reason", "ReasonTooLong");
            r.EvidenceNote = note;
            r.Status = RectificationStatus.Open;
            r.DoneAt = null;
            return WorkResult.Saved;
        });
    }

    private async Task<WorkResult> ChangeAsync(int id, int version, string action, CancellationToken ct, Func<Rectification, WorkResult> change)
    {
        if (!await permissions.AllowsAsync(action, ct))
            return WorkResult.Fail("NotAllowed");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rectification = await db.Rectifications.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rectification is null)
            return WorkResult.Fail("NotFound");
        if (rectification.Version != version)
            return WorkResult.Fail(WorkResult.Conflict);
        db.Entry(rectification).Property(r => r.Version).OriginalValue = version;
        var result = change(rectification);
        if (!result.Ok)
            return result;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkResult.Fail(WorkResult.Conflict);
        }
        logger.LogInformation("Rectification {RectificationId} saved, status {Status}", id, rectification.Status);
        return WorkResult.Saved;
    }

    private WorkResult Validate(Rectification r, RectificationEdit edit, bool requireDone)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(edit.Department))
            errors[nameof(edit.Department)] = "DepartmentRequired";
        if (Clean(edit.ResponsiblePerson)?.Length > MaxPerson)
            errors[nameof(edit.ResponsiblePerson)] = "PersonTooLong";
        if (edit.DueDate < estateTime.LocalDate(r.EstateId, r.CreatedAt))
            errors[nameof(edit.DueDate)] = "DueBeforeCreated";
        var measure = Clean(edit.Measure);
        var evidence = Clean(edit.EvidenceNote);
        if (measure?.Length > MaxText)
            errors[nameof(edit.Measure)] = "TextTooLong";
        else if (requireDone && measure is null)
            errors[nameof(edit.Measure)] = "MeasureRequired";
        if (evidence?.Length > MaxText)
            errors[nameof(edit.EvidenceNote)] = "TextTooLong";
        else if (requireDone && evidence is null)
            errors[nameof(edit.EvidenceNote)] = "EvidenceRequired";
        return errors.Count == 0 ? WorkResult.Saved : WorkResult.Invalid(errors);
    }

    private static void Apply(Rectification r, RectificationEdit edit)
    {
        r.Department = edit.Department;
        r.ResponsiblePerson = Clean(edit.ResponsiblePerson);
        r.DueDate = edit.DueDate;
        r.Measure = Clean(edit.Measure);
        r.EvidenceNote = Clean(edit.EvidenceNote);
    }

    /// <summary>
    /// "Due before today on its estate's calendar". Zones lie within 26 hours of each other, so at one instant the estates'
    /// dates are at most three: due before the earliest is late everywhere; before a later one, late in the estates on it.
    /// </summary>
    private async Task<System.Linq.Expressions.Expression<Func<Rectification, bool>>> OverdueAsync(AppDbContext db, CancellationToken ct)
    {
        var byDay = (await db.Estates.AsNoTracking().Select(e => e.Id).ToListAsync(ct))
            .GroupBy(Today).OrderBy(g => g.Key).Select(g => (Day: g.Key, Estates: g.ToList())).ToList();
        if (byDay.Count == 0)
            return r => false;
        if (byDay.Count > 3)
            throw new InvalidOperationException("Estates' calendars span more than three dates at one instant.");
        while (byDay.Count < 3)
            byDay.Add((byDay[0].Day, []));
        var first = byDay[0].Day;
        var (second, secondEstates) = byDay[1];
        var (third, thirdEstates) = byDay[2];
        return r => r.DueDate < first
            || (secondEstates.Contains(r.EstateId) && r.DueDate < second)
            || (thirdEstates.Contains(r.EstateId) && r.DueDate < third);
    }

    private async Task<List<RectificationRow>> Project(AppDbContext db, IQueryable<Rectification> query, string culture, CancellationToken ct)
    {
        var rows = await query.Select(r => new
        {
            R = r,
            Unit = db.Units.Where(u => u.Id == r.UnitId).Select(u => u.Building!.Code + "-" + u.Number).First(),
            Item = db.SurveyItems.First(i => i.Id == r.ItemId),
            Comment = db.Surveys.Where(s => s.Id == r.SurveyId).Select(s => s.Comment).First(),
        }).ToListAsync(ct);
        return rows.Select(x => new RectificationRow(
            x.R.Id, x.R.Version, x.R.EstateId, x.R.Quarter, x.Unit, x.Item.NameIn(culture), x.R.Score, x.Comment, x.R.Department, x.R.ResponsiblePerson,
            estateTime.LocalDate(x.R.EstateId, x.R.CreatedAt), x.R.DueDate,
            x.R.Status != RectificationStatus.SignedOff && x.R.DueDate < Today(x.R.EstateId),
            x.R.Status, x.R.Measure, x.R.EvidenceNote, x.R.DoneAt, x.R.SignedOffBy, x.R.SignedOffAt)).ToList();
    }

    private static WorkResult Field(string field, string key) => WorkResult.Invalid(new Dictionary<string, string> { [field] = key });

    private static string? Clean(string? value) => Registry.TypedText.Text(value);
}
