using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Fees.Disclosures;

public sealed partial class DisclosureService
{
    public const string NoticeKind = "disclosure";

    public static string SourceKey(int estateId, string halfYear, int revision) =>
        $"disclosure:{estateId.ToString(CultureInfo.InvariantCulture)}:{halfYear}:r{revision.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The notices' key: the fee statement's as it always was, a fund statement's with its subject ("fund:12").</summary>
    public static string SourceKey(Disclosure d) => d.FundAccountId is null
        ? SourceKey(d.EstateId, d.HalfYear, d.Revision)
        : $"disclosure:{d.EstateId.ToString(CultureInfo.InvariantCulture)}:{d.Subject}:{d.HalfYear}:r{d.Revision.ToString(CultureInfo.InvariantCulture)}";

    public async Task<DisclosureResult> ApproveAsync(int id, int version, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.ApproveDisclosures, ct))
            return DisclosureResult.Fail("NotAllowed");
        var who = (await actor.GetAsync()).Name;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Disclosures.Include(x => x.Lines).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
            return DisclosureResult.Fail("NotFound");
        if (d.Status != DisclosureStatus.Draft)
            return DisclosureResult.Fail(d.Status == DisclosureStatus.Published ? "Frozen" : "AlreadyApproved");
        db.Entry(d).Property(x => x.Version).OriginalValue = version;
        // A fund statement is approved as the ledger stands now: months closed since the draft show closed; changed
        // figures are drawn again and kept as a draft for the approver to see first.
        var refresh = await RefreshFundLinesAsync(db, d, ct);
        if (refresh != FundRefresh.Figures)
            (d.Status, d.ApprovedBy, d.ApprovedAt) = (DisclosureStatus.Approved, who, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return DisclosureResult.Fail("ConcurrencyConflict");
        }
        return refresh == FundRefresh.Figures ? DisclosureResult.Fail("FiguresChanged") : DisclosureResult.Done(d.Id, d.Version);
    }

    /// <summary>
    /// Publishes an approved statement (a fund statement's lines drawn again first, see <see cref="RefreshFundLinesAsync"/>): on the estate's notice board and a notice to every occupant, all in the
    /// transaction that marks it Published (occupants streamed in batches). A second publish finds it Published and
    /// does nothing; two at once meet the statement's version and one of them is refused.
    /// </summary>
    public async Task<DisclosureResult> PublishAsync(int id, int version, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.ApproveDisclosures, ct))
            return DisclosureResult.Fail("NotAllowed");
        var who = (await actor.GetAsync()).Name;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var d = await db.Disclosures.Include(x => x.Lines).SingleOrDefaultAsync(x => x.Id == id, ct);
                if (d is null)
                    return DisclosureResult.Fail("NotFound");
                if (d.Status != DisclosureStatus.Approved)
                    return DisclosureResult.Fail(d.Status == DisclosureStatus.Published ? "AlreadyPublished" : "NotApproved");
                db.Entry(d).Property(x => x.Version).OriginalValue = version;
                // What occupants get is true on the day it is published: a fund statement's months closed since its
                // approval show closed; figures changed since then send it back to draft, to be approved again.
                if (await RefreshFundLinesAsync(db, d, ct) == FundRefresh.Figures)
                {
                    (d.Status, d.ApprovedBy, d.ApprovedAt) = (DisclosureStatus.Draft, null, null);
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    return DisclosureResult.Fail("FiguresChanged");
                }
                var now = clock.GetUtcNow();
                (d.Status, d.PublishedBy, d.PublishedAt) = (DisclosureStatus.Published, who, now);
                await db.SaveChangesAsync(ct);
                var (estateId, halfYear, revision, newVersion) = (d.EstateId, d.HalfYear, d.Revision, d.Version);
                var key = SourceKey(d);
                var namer = await NamerAsync(db, estateId, ct);
                var account = d.FundAccountId is { } accountId ? await fund.AccountAsync(db, accountId, ct) : null;
                var estate = await db.Estates.Where(e => e.Id == estateId).Select(e => e.Name).SingleAsync(ct);
                var board = NoticeOutbox.WriteIn(NoticeOutbox.CultureOf(NoticeOutbox.DefaultLanguage),
                    () => account is null ? BoardText(d, namer) : fund.Board(d, estate, account));
                NoticeOutbox.AddBoard(db, estateId, NoticeKind, key, board, NoticeOutbox.DefaultLanguage, now);
                await db.SaveChangesAsync(ct);
                var sent = await NotifyOccupantsAsync(db, d, account, key, now, ct);
                await transaction.CommitAsync(ct);
                logger.LogInformation("Published statement {HalfYear} r{Revision} of estate {EstateId} with {Count} occupant notices",
                    halfYear, revision, estateId, sent);
                return DisclosureResult.Done(id, newVersion);
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            return DisclosureResult.Fail("ConcurrencyConflict");
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return DisclosureResult.Fail("AlreadyPublished");
        }
    }

    private async Task<int> NotifyOccupantsAsync(AppDbContext db, Disclosure d, string? account, string key, DateTimeOffset now, CancellationToken ct)
    {
        var (income, expenditure) = (Total(d, DisclosureLineKind.Income), Total(d, DisclosureLineKind.Expenditure));
        var count = 0;
        var afterId = 0;
        while (true)
        {
            var batch = await db.Occupants.AsNoTracking()
                .Where(o => o.Id > afterId && o.Unit!.Building!.EstateId == d.EstateId)
                .OrderBy(o => o.Id).Take(options.Value.BatchSize)
                .Select(o => new { Occupant = o, o.Unit!.BuildingId }).ToListAsync(ct);
            if (batch.Count == 0)
                return count;
            afterId = batch[^1].Occupant.Id;
            foreach (var row in batch)
            {
                NoticeOutbox.AddForOccupant(db, row.Occupant, new NoticePlace(d.EstateId, row.BuildingId), NoticeKind, key,
                    culture => NoticeOutbox.WriteIn(culture, () => account is null ? OccupantText(d, income, expenditure) : fund.Occupant(d, account)), now);
            }
            await db.SaveChangesAsync(ct);
            count += batch.Count;
            // The saved notices are not needed any more: memory stays flat for a large estate.
            foreach (var entry in db.ChangeTracker.Entries<Notice>().ToList())
                entry.State = EntityState.Detached;
        }
    }

    private static decimal Total(Disclosure d, DisclosureLineKind kind) => d.Lines.Where(l => l.Kind == kind).Sum(l => l.Amount);

    private static string Money(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    private NoticeText OccupantText(Disclosure d, decimal income, decimal expenditure) => new(
        text["NoticeSubject", d.HalfYear].Value,
        text["NoticeBody", d.HalfYear, Money(income), Money(expenditure), Money(income - expenditure)].Value);

    private NoticeText BoardText(Disclosure d, Func<string, string> name)
    {
        var body = new System.Text.StringBuilder();
        body.Append(text["Income"].Value).Append('\n');
        foreach (var line in d.Lines.Where(l => l.Kind == DisclosureLineKind.Income).OrderBy(l => l.Order))
            body.Append("  ").Append(name(line.Category)).Append("    ").Append(Money(line.Amount)).Append('\n');
        body.Append(text["Expenditure"].Value).Append('\n');
        foreach (var line in d.Lines.Where(l => l.Kind == DisclosureLineKind.Expenditure).OrderBy(l => l.Order))
            body.Append("  ").Append(name(line.Category)).Append("    ").Append(Money(line.Amount)).Append('\n');
        var (income, expenditure) = (Total(d, DisclosureLineKind.Income), Total(d, DisclosureLineKind.Expenditure));
        body.Append(text["IncomeTotal"].Value).Append("    ").Append(Money(income)).Append('\n')
            .Append(text["ExpenditureTotal"].Value).Append("    ").Append(Money(expenditure)).Append('\n')
            .Append(text["Balance"].Value).Append("    ").Append(Money(income - expenditure));
        if (d.Notes is { } notes)
            body.Append("\n\n").Append(notes);
        return new NoticeText(text["NoticeSubject", d.HalfYear].Value, body.ToString());
    }

    /// <summary>Corrects a published statement: revision n+1 as a Draft copy of its lines and notes; a fund statement's
    /// lines are drawn from the ledger again (its corrections are the ledger's reversing entries).</summary>
    public async Task<DisclosureResult> CorrectAsync(int id, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.CorrectDisclosures, ct))
            return DisclosureResult.Fail("NotAllowed");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var d = await db.Disclosures.AsNoTracking().Include(x => x.Lines).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
            return DisclosureResult.Fail("NotFound");
        if (d.Status != DisclosureStatus.Published)
            return DisclosureResult.Fail("OnlyPublishedCorrected");
        if (await db.Disclosures.AnyAsync(x => x.EstateId == d.EstateId && x.Subject == d.Subject && x.HalfYear == d.HalfYear && x.Revision > d.Revision, ct))
            return DisclosureResult.Fail("CorrectionExists");
        var lines = d.FundAccountId is { } accountId
            ? (await fund.LinesAsync(db, accountId, HalfYear.Parse(d.HalfYear), ct))!
            : d.Lines.OrderBy(l => l.Kind).ThenBy(l => l.Order)
                .Select(l => new DisclosureLine { Kind = l.Kind, Category = l.Category, Amount = l.Amount, Note = l.Note, Order = l.Order }).ToList();
        var copy = new Disclosure
        {
            EstateId = d.EstateId,
            FundAccountId = d.FundAccountId,
            Subject = d.Subject,
            HalfYear = d.HalfYear,
            Revision = d.Revision + 1,
            Status = DisclosureStatus.Draft,
            Notes = d.Notes,
            CreatedAt = clock.GetUtcNow(),
            Lines = lines,
        };
        db.Disclosures.Add(copy);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return DisclosureResult.Fail("CorrectionExists");
        }
        return DisclosureResult.Done(copy.Id, copy.Version);
    }
}
