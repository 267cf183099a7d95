using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Resources;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Fees.Disclosures;

/// <summary>
/// The semiannual statement's life (P1§7.6): Finance writes the expenditure and notes of a Draft, the Manager
/// approves it and publishes it. Editing an Approved statement sends it back to Draft; a Published one is frozen and
/// is corrected by a new revision. A fund statement (P1§8.5) is the same statement of another kind: its lines come
/// from the fund's ledger (<see cref="IFundStatements"/>), so Finance writes only its notes, and its correction is
/// drawn from the ledger again. Errors are BooksText keys.
/// </summary>
public sealed partial class DisclosureService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentActor actor,
    Permissions permissions,
    TimeProvider clock,
    IStringLocalizer<BooksText> text,
    Microsoft.Extensions.Options.IOptions<DisclosureOptions> options,
    IFundStatements fund,
    ILogger<DisclosureService> logger)
{
    public const int NoteLength = 500;
    public const int NotesLength = 2000;

    public async Task<IReadOnlyList<DisclosureSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Disclosures.AsNoTracking().Include(d => d.Lines)
            .Join(db.Estates, d => d.EstateId, e => e.Id, (d, e) => new { d, e.Name }).ToListAsync(ct);
        var accounts = new Dictionary<int, string>();
        foreach (var accountId in rows.Select(r => r.d.FundAccountId).OfType<int>().Distinct())
            accounts[accountId] = await fund.AccountAsync(db, accountId, ct);
        // A few statements a year per estate and fund account: summed in memory.
        return rows.OrderByDescending(r => r.d.HalfYear).ThenBy(r => r.d.EstateId).ThenBy(r => r.d.Subject).ThenByDescending(r => r.d.Revision)
            .Select(r => new DisclosureSummary(r.d.Id, r.d.EstateId, r.Name, r.d.HalfYear, r.d.Revision, r.d.Status,
                r.d.Lines.Where(l => l.Kind == DisclosureLineKind.Income).Sum(l => l.Amount),
                r.d.Lines.Where(l => l.Kind == DisclosureLineKind.Expenditure).Sum(l => l.Amount), r.d.PublishedAt, r.d.Kind,
                r.d.FundAccountId is { } a ? accounts[a] : null,
                r.d.FundAccountId is null ? null : r.d.Lines.Where(l => l.Kind == DisclosureLineKind.Balance && l.Category == DisclosureCategories.FundClosing).Sum(l => l.Amount)))
            .ToList();
    }

    public async Task<DisclosureView?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Disclosures.AsNoTracking().Include(x => x.Lines).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
            return null;
        var estate = await db.Estates.AsNoTracking().Where(e => e.Id == d.EstateId).Select(e => e.Name).SingleAsync(ct);
        var latest = await db.Disclosures.Where(x => x.EstateId == d.EstateId && x.Subject == d.Subject && x.HalfYear == d.HalfYear).MaxAsync(x => x.Revision, ct);
        var names = await NamerAsync(db, d.EstateId, ct);
        List<DisclosureLineView> Lines(params DisclosureLineKind[] kinds) => d.Lines.Where(l => kinds.Contains(l.Kind)).OrderBy(l => l.Order).ThenBy(l => l.Id)
            .Select(l => new DisclosureLineView(l.Id, l.Kind, l.Category, fund.Name(l.Kind, l.Category, l.Note) ?? names(l.Category), l.Amount, l.Note)).ToList();
        var account = d.FundAccountId is { } accountId ? await fund.AccountAsync(db, accountId, ct) : null;
        return new DisclosureView(d.Id, d.EstateId, estate, d.HalfYear, d.Revision, d.Status, d.Notes, d.CreatedAt, d.ApprovedBy, d.ApprovedAt,
            d.PublishedBy, d.PublishedAt, d.Version, Lines(DisclosureLineKind.Income), Lines(DisclosureLineKind.Expenditure), latest, d.Kind, account,
            Lines(DisclosureLineKind.Balance, DisclosureLineKind.MainWork, DisclosureLineKind.Month));
    }

    /// <summary>Names a line's category in the current UI culture: a fee item by its name, the others by BooksText.</summary>
    private async Task<Func<string, string>> NamerAsync(AppDbContext db, int estateId, CancellationToken ct)
    {
        var items = await db.FeeItems.AsNoTracking().Where(i => i.EstateId == estateId).ToListAsync(ct);
        return category =>
        {
            if (DisclosureCategories.IsFee(category, out var code))
                return items.FirstOrDefault(i => i.Code == code)?.NameIn(CultureInfo.CurrentUICulture.Name) ?? code;
            var name = text["Category_" + category];
            return name.ResourceNotFound ? category : name.Value;
        };
    }

    public async Task<DisclosureResult> AddExpenditureAsync(int id, int version, ExpenditureInput input, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.EditDisclosures, ct))
            return DisclosureResult.Fail("NotAllowed");
        var (amount, errors) = Validate(input);
        if (errors.Count > 0)
            return new DisclosureResult(errors);
        return await ChangeAsync(id, version, d =>
        {
            if (d.FundAccountId is not null)
                return "FromLedger";
            d.Lines.Add(new DisclosureLine
            {
                Kind = DisclosureLineKind.Expenditure,
                Category = input.Category!,
                Amount = amount,
                Note = Clean(input.Note),
                Order = d.Lines.Where(l => l.Kind == DisclosureLineKind.Expenditure).Select(l => l.Order).DefaultIfEmpty().Max() + 1,
            });
            return null;
        }, ct);
    }

    public async Task<DisclosureResult> EditExpenditureAsync(int id, int version, int lineId, ExpenditureInput input, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.EditDisclosures, ct))
            return DisclosureResult.Fail("NotAllowed");
        var (amount, errors) = Validate(input);
        if (errors.Count > 0)
            return new DisclosureResult(errors);
        return await ChangeAsync(id, version, d =>
        {
            if (d.FundAccountId is not null)
                return "FromLedger";
            var line = d.Lines.SingleOrDefault(l => l.Id == lineId && l.Kind == DisclosureLineKind.Expenditure);
            if (line is null)
                return "LineNotFound";
            (line.Category, line.Amount, line.Note) = (input.Category!, amount, Clean(input.Note));
            return null;
        }, ct);
    }

    public async Task<DisclosureResult> RemoveExpenditureAsync(int id, int version, int lineId, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.EditDisclosures, ct))
            return DisclosureResult.Fail("NotAllowed");
        return await ChangeAsync(id, version, d =>
        {
            if (d.FundAccountId is not null)
                return "FromLedger";
            var line = d.Lines.SingleOrDefault(l => l.Id == lineId && l.Kind == DisclosureLineKind.Expenditure);
            if (line is null)
                return "LineNotFound";
            d.Lines.Remove(line);
            return null;
        }, ct);
    }

    public async Task<DisclosureResult> SetNotesAsync(int id, int version, string? notes, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.EditDisclosures, ct))
            return DisclosureResult.Fail("NotAllowed");
        if (notes?.Trim().Length > NotesLength)
            return DisclosureResult.Fail("Notes", "NotesTooLong");
        return await ChangeAsync(id, version, d =>
        {
            d.Notes = Registry.TypedText.Text(notes);
            return null;
        }, ct);
    }

    /// <summary>The amount and the errors of an expenditure line (amount messages are the FeeRules keys, repeated in BooksText).</summary>
    public static (decimal Amount, Dictionary<string, string> Errors) Validate(ExpenditureInput input)
    {
        var errors = new Dictionary<string, string>();
        if (input.Category is null || !DisclosureCategories.Expenditure.Contains(input.Category))
            errors[nameof(input.Category)] = "CategoryRequired";
        var (amount, error) = FeeRules.ParseAmount(input.Amount);
        if (error is not null)
            errors[nameof(input.Amount)] = error;
        if (input.Note?.Trim().Length > NoteLength)
            errors[nameof(input.Note)] = "NoteTooLong";
        return (amount ?? 0, errors);
    }

    private static string? Clean(string? note) => Registry.TypedText.Text(note);

    /// <summary>Loads the statement as the user saw it, refuses a published one, applies the change and saves; an Approved one goes back to Draft.</summary>
    private async Task<DisclosureResult> ChangeAsync(int id, int version, Func<Disclosure, string?> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Disclosures.Include(x => x.Lines).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
            return DisclosureResult.Fail("NotFound");
        if (d.Status == DisclosureStatus.Published)
            return DisclosureResult.Fail("Frozen");
        db.Entry(d).Property(x => x.Version).OriginalValue = version;
        if (change(d) is { } error)
            return DisclosureResult.Fail(error);
        if (d.Status == DisclosureStatus.Approved)
            (d.Status, d.ApprovedBy, d.ApprovedAt) = (DisclosureStatus.Draft, null, null);
        // The statement itself is always saved, so its version guards its lines too.
        db.Entry(d).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DisclosureResult.Fail("ConcurrencyConflict");
        }
        return DisclosureResult.Done(d.Id, d.Version);
    }
}
