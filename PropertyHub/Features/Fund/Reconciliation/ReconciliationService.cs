using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Fund.Reconciliation;

/// <summary>
/// The monthly reconciliation (P1§8.4) after the import: what is still unmatched on either side (paged), matching by
/// hand (one bank line to one ledger line or to several adding up to it), undoing a match, explaining a bank line the
/// ledger lacked (the missing receipt, or an adjustment with its reason), taking back a ledger line the bank never saw,
/// and closing the month once the ledger balance at its end equals the statement's closing balance.
/// </summary>
public sealed class ReconciliationService(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions, TimeProvider clock)
{
    public async Task<ReconciliationView?> MonthAsync(int accountId, DateOnly month, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        month = FundMonth.Of(month);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.FundAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
            return null;
        var row = await db.FundMonths.AsNoTracking().SingleOrDefaultAsync(m => m.FundAccountId == accountId && m.Month == month, ct);
        var statement = await db.FundStatements.AsNoTracking().Where(s => s.FundAccountId == accountId && s.Month == month)
            .Select(s => new StatementSummary(s.Id, s.FileName, s.Lines, s.ClosingBalance, s.ImportedBy, s.ImportedAt) { HasFile = s.FileId != null }).SingleOrDefaultAsync(ct);
        if (statement is not null)
        {
            // Summed here: SQLite sums no decimals.
            var amounts = await db.FundStatementLines.AsNoTracking().Where(l => l.FundStatementId == statement.Id).Select(l => l.Amount).ToListAsync(ct);
            statement = statement with { OpeningBalance = statement.ClosingBalance - amounts.Sum() };
        }
        var unmatchedBank = await BankLines(db, accountId, month, matched: false).CountAsync(ct);
        var unmatchedLedger = await UnmatchedLedger(db, accountId, month).CountAsync(ct);
        return new ReconciliationView(accountId, month, row?.Id, row?.Version ?? 0, row?.IsClosed == true, row?.ClosedBy, row?.ClosedAt, statement,
            await LedgerBalanceAsync(db, account, month, ct), unmatchedBank, unmatchedLedger)
        {
            LedgerOpeningBalance = await LedgerBalanceAsync(db, account, month.AddMonths(-1), ct),
        };
    }

    /// <summary>The statement's original file, as the bank gave it, to those who may see the reconciliation.</summary>
    public async Task<IResult> SendStatementFileAsync(int accountId, int statementId, HttpContext http, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var fileId = await db.FundStatements.Where(s => s.Id == statementId && s.FundAccountId == accountId).Select(s => s.FileId).SingleOrDefaultAsync(ct);
        return fileId is { } id ? await Files.StoredFileResults.SendAsync(db, http, id, download: true, ct) : Results.NotFound();
    }

    /// <summary>The account's months with a reconciliation, newest first.</summary>
    public async Task<Slice<ReconciliationMonthRow>> MonthsAsync(int accountId, PageRequest page, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.FundMonths.AsNoTracking().Where(m => m.FundAccountId == accountId).OrderByDescending(m => m.Month)
            .Select(m => new ReconciliationMonthRow(m.Month, m.ClosedAt != null, m.ClosedBy,
                db.FundStatements.Any(s => s.FundAccountId == accountId && s.Month == m.Month)))
            .ToSliceAsync(page, ct);
    }

    /// <summary>One page of the month's bank lines, matched or not, in the statement's order.</summary>
    public async Task<Slice<StatementLineRow>> BankLinesAsync(int accountId, DateOnly month, bool matched, PageRequest page, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var slice = await BankLines(db, accountId, FundMonth.Of(month), matched).OrderBy(l => l.Date).ThenBy(l => l.Row)
            .Select(l => new StatementLineRow(l.Id, l.Version, l.Row, l.Date, l.Amount, l.Balance, l.Reference, l.Counterparty, l.Summary,
                l.MatchedBy, l.AutoMatched, new List<int>()))
            .ToSliceAsync(page, ct);
        var ids = slice.Rows.Select(r => r.Id).ToList();
        var links = await db.FundEntries.AsNoTracking().Where(e => e.StatementLineId != null && ids.Contains(e.StatementLineId.Value))
            .Select(e => new { e.Id, Line = e.StatementLineId!.Value, e.Counterparty, e.Kind, e.Amount, e.IsAdjustment, e.Reason }).ToListAsync(ct);
        return slice with
        {
            Rows = [.. slice.Rows.Select(r => r with
            {
                LedgerIds = [.. links.Where(l => l.Line == r.Id).Select(l => l.Id).Order()],
                Matches = [.. links.Where(l => l.Line == r.Id).OrderBy(l => l.Id)
                    .Select(l => new MatchedLedgerLine(l.Counterparty, FundEntry.Signed(l.Kind, l.Amount), l.IsAdjustment, l.IsAdjustment ? l.Reason : null))],
            })],
        };
    }

    /// <summary>One page of the posted ledger lines of the month (by the bank's date) no bank line accounts for.</summary>
    public async Task<Slice<ReconciliationLedgerRow>> UnmatchedLedgerAsync(int accountId, DateOnly month, PageRequest page, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await UnmatchedLedger(db, accountId, FundMonth.Of(month)).OrderBy(e => e.PaidOn ?? e.Date).ThenBy(e => e.Id)
            .Select(e => new ReconciliationLedgerRow(e.Id, e.Version, e.PaidOn ?? e.Date, e.Kind == FundEntryKind.Receipt ? e.Amount : -e.Amount,
                e.Kind, e.Counterparty, e.BankReference ?? e.Reference, e.Purpose, e.StatementLineId))
            .ToSliceAsync(page, ct);
    }

    /// <summary>Matches a bank line to ledger lines whose amounts, as the bank sees them, add up to it exactly.</summary>
    public async Task<FundResult> MatchAsync(int lineId, IReadOnlyCollection<int> entryIds, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepFund, ct))
            return FundResult.Fail("", "NotAllowed");
        if (entryIds.Count == 0)
            return FundResult.Fail("", "MatchNothingChosen");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (line, error) = await OpenLineAsync(db, lineId, ct);
        if (line is null)
            return FundResult.Fail("", error!);
        var entries = await db.FundEntries.Where(e => entryIds.Contains(e.Id)).ToListAsync(ct);
        if (entries.Count != entryIds.Distinct().Count() || entries.Any(e => e.FundAccountId != line.FundAccountId))
            return FundResult.Fail("", "EntryNotFound");
        if (entries.Any(e => !e.IsPosted))
            return FundResult.Fail("", "MatchOnlyPosted");
        if (entries.Any(e => e.StatementLineId is not null))
            return FundResult.Fail("", "MatchEntryTaken");
        var sum = entries.Sum(e => FundEntry.Signed(e.Kind, e.Amount));
        if (sum != line.Amount)
            return new FundResult(new Dictionary<string, string> { [""] = "MatchAmountsDiffer" }) { Args = [FundFormat.Amount(sum), FundFormat.Amount(line.Amount)] };
        foreach (var entry in entries)
            entry.StatementLineId = line.Id;
        var who = await actor.GetAsync();
        (line.MatchedBy, line.MatchedAt, line.AutoMatched) = (who.Name, clock.GetUtcNow(), false);
        return await SaveAsync(db, line.Id, ct);
    }

    /// <summary>Undoes a bank line's match (automatic or by hand) while its month is open.</summary>
    public async Task<FundResult> UnmatchAsync(int lineId, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepFund, ct))
            return FundResult.Fail("", "NotAllowed");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (line, error) = await OpenLineAsync(db, lineId, ct, mustBeUnmatched: false);
        if (line is null)
            return FundResult.Fail("", error!);
        var entries = await db.FundEntries.Where(e => e.StatementLineId == lineId).ToListAsync(ct);
        if (entries.Count == 0)
            return FundResult.Fail("", "LineNotMatched");
        foreach (var entry in entries)
            entry.StatementLineId = null;
        (line.MatchedBy, line.MatchedAt, line.AutoMatched) = (null, null, false);
        return await SaveAsync(db, line.Id, ct);
    }

    /// <summary>
    /// Explains a bank line the ledger lacks by recording it, dated on the bank's day and matched to the line: money in
    /// as the missing receipt of its source; otherwise an adjustment, which needs its explanation.
    /// </summary>
    public async Task<FundResult> ResolveAsync(int lineId, ResolveInput input, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepFund, ct))
            return FundResult.Fail("", "NotAllowed");
        var (explanation, explanationError) = FundRules.Text(input.Explanation, 500, "Explanation", required: input.Source is null);
        if (explanationError is not null)
            return FundResult.Fail(nameof(input.Explanation), explanationError);
        if (input.Source is { } source && !Enum.IsDefined(source))
            return FundResult.Fail(nameof(input.Source), "SourceRequired");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (line, error) = await OpenLineAsync(db, lineId, ct);
        if (line is null)
            return FundResult.Fail("", error!);
        if (input.Source is not null && line.Amount < 0)
            return FundResult.Fail(nameof(input.Source), "ReceiptOnlyForMoneyIn");
        var who = await actor.GetAsync();
        var now = clock.GetUtcNow();
        var incoming = line.Amount > 0;
        var entry = new FundEntry
        {
            FundAccountId = line.FundAccountId,
            Kind = incoming ? FundEntryKind.Receipt : FundEntryKind.Expenditure,
            Source = incoming ? input.Source ?? FundReceiptSource.Other : null,
            Date = line.Date,
            Amount = Math.Abs(line.Amount),
            Counterparty = line.Counterparty ?? line.Summary ?? line.Reference ?? "—",
            Purpose = line.Summary,
            Reference = line.Reference,
            Status = FundEntryStatus.Posted,
            IsAdjustment = input.Source is null,
            StatementLineId = line.Id,
            Reason = explanation,
            RecordedBy = who.Name,
            RecordedById = who.UserId,
            RecordedAt = now,
        };
        db.FundEntries.Add(entry);
        (line.MatchedBy, line.MatchedAt, line.AutoMatched) = (who.Name, now, false);
        var saved = await SaveAsync(db, line.Id, ct);
        return saved.Ok ? FundResult.Done(entry.Id) : saved;
    }

    /// <summary>Takes back a ledger line the bank never saw: a reversing line on the same bank day, so the month nets to nothing.</summary>
    public async Task<FundResult> ReverseInMonthAsync(int entryId, string? reason, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepFund, ct))
            return FundResult.Fail("", "NotAllowed");
        var (why, reasonError) = FundRules.Text(reason, 500, "Reason", required: true);
        if (reasonError is not null)
            return FundResult.Fail("Reason", reasonError);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var original = await db.FundEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == entryId, ct);
        if (original is null)
            return FundResult.Fail("", "EntryNotFound");
        if (await FundMonthLock.ErrorAsync(db, original.FundAccountId, original.BankDate, ct) is { } closed)
            return FundResult.Fail("", closed);
        if (original.ReversalOfId is not null || !original.IsPosted || original.StatementLineId is not null)
            return FundResult.Fail("", "OnlyUnmatchedReversed");
        db.FundEntries.Add(original.ReversalOn(original.BankDate, await actor.GetAsync(), clock.GetUtcNow(), why!));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return FundResult.Fail("", "AlreadyReversed");
        }
        return FundResult.Done(entryId);
    }

    /// <summary>Closes (and so locks) the month when the ledger balance at its end equals the statement's closing balance.</summary>
    public async Task<FundResult> CloseAsync(int accountId, DateOnly month, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepFund, ct))
            return FundResult.Fail("", "NotAllowed");
        month = FundMonth.Of(month);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.FundAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct);
        var row = await db.FundMonths.SingleOrDefaultAsync(m => m.FundAccountId == accountId && m.Month == month, ct);
        var statement = await db.FundStatements.AsNoTracking().SingleOrDefaultAsync(s => s.FundAccountId == accountId && s.Month == month, ct);
        if (account is null || row is null || statement is null)
            return FundResult.Fail("", "CloseNeedsStatement");
        if (row.IsClosed)
            return FundResult.Fail("", "MonthClosed");
        var ledger = await LedgerBalanceAsync(db, account, month, ct);
        if (ledger != statement.ClosingBalance)
            return new FundResult(new Dictionary<string, string> { [""] = "CloseBalancesDiffer" })
            {
                Args = [FundFormat.Amount(ledger), FundFormat.Amount(statement.ClosingBalance), FundFormat.Amount(statement.ClosingBalance - ledger)],
            };
        (row.ClosedAt, row.ClosedBy, row.ClosingBalance) = (clock.GetUtcNow(), (await actor.GetAsync()).Name, ledger);
        return await SaveAsync(db, row.Id, ct);
    }

    /// <summary>Opening balance plus every posted line whose bank day is on or before the month's last day.</summary>
    internal static async Task<decimal> LedgerBalanceAsync(AppDbContext db, FundAccount account, DateOnly month, CancellationToken ct)
    {
        var end = month.AddMonths(1).AddDays(-1);
        var lines = await db.FundEntries.AsNoTracking()
            .Where(e => e.FundAccountId == account.Id && (e.Status == FundEntryStatus.Posted || e.Status == FundEntryStatus.Paid) && (e.PaidOn ?? e.Date) <= end)
            .Select(e => new { e.Kind, e.Amount }).ToListAsync(ct);
        return account.OpeningBalance + lines.Sum(l => FundEntry.Signed(l.Kind, l.Amount));
    }

    private static IQueryable<FundStatementLine> BankLines(AppDbContext db, int accountId, DateOnly month, bool matched) =>
        db.FundStatementLines.AsNoTracking()
            .Where(l => l.FundAccountId == accountId && db.FundStatements.Any(s => s.Id == l.FundStatementId && s.Month == month)
                && db.FundEntries.Any(e => e.StatementLineId == l.Id) == matched);

    /// <summary>Posted, unmatched, and not one of a pair that cancels out (a line and its reversal, neither matched).</summary>
    private static IQueryable<FundEntry> UnmatchedLedger(AppDbContext db, int accountId, DateOnly month)
    {
        var end = month.AddMonths(1);
        return db.FundEntries.AsNoTracking().Where(e => e.FundAccountId == accountId && e.StatementLineId == null
            && (e.Status == FundEntryStatus.Posted || e.Status == FundEntryStatus.Paid) && (e.PaidOn ?? e.Date) >= month && (e.PaidOn ?? e.Date) < end
            && !db.FundEntries.Any(r => r.ReversalOfId == e.Id && r.StatementLineId == null)
            && !db.FundEntries.Any(o => o.Id == e.ReversalOfId && o.StatementLineId == null));
    }

    private async Task<(FundStatementLine? Line, string? Error)> OpenLineAsync(AppDbContext db, int lineId, CancellationToken ct, bool mustBeUnmatched = true)
    {
        var line = await db.FundStatementLines.SingleOrDefaultAsync(l => l.Id == lineId, ct);
        if (line is null)
            return (null, "StatementLineNotFound");
        if (await FundMonthLock.ErrorAsync(db, line.FundAccountId, line.Date, ct) is { } closed)
            return (null, closed);
        if (mustBeUnmatched && await db.FundEntries.AnyAsync(e => e.StatementLineId == lineId, ct))
            return (null, "LineAlreadyMatched");
        return (line, null);
    }

    private static async Task<FundResult> SaveAsync(AppDbContext db, int id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FundResult.Fail("", "ConcurrencyConflict");
        }
        return FundResult.Done(id);
    }
}
