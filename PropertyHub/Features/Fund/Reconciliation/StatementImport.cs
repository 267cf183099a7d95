using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Files;

namespace PropertyHub.Features.Fund.Reconciliation;

/// <summary>
/// Imports a month's bank statement into the reconciliation (P1§8.4) and matches it to the ledger automatically. The
/// statement must be of this account (the account number in the file) and lie in one month; a month already imported
/// is refused, whether the same file or another, so no line is ever doubled. All or nothing.
/// </summary>
public sealed class StatementImport(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions, TimeProvider clock,
    IOptions<FundOptions> options, FileIntake files, Settings.EstateTime estateTime)
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxHeaderLength = 100;

    /// <summary>The column mapping saved for the account's bank (empty when none is): offered for its next statement.</summary>
    public async Task<IReadOnlyDictionary<StatementField, string>> MappingAsync(int accountId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return StatementColumns.Parse(await SavedMappingAsync(db, accountId, ct));
    }

    /// <summary>
    /// Imports the statement. With a <paramref name="mapping"/> (Finance chose the columns), the import uses it and, when it
    /// succeeds, saves it for the account's bank; without one, the bank's saved mapping is used, then the common headers.
    /// The original file is kept with the statement.
    /// </summary>
    public async Task<ImportResult> ImportAsync(int accountId, byte[] bytes, string fileName, IReadOnlyDictionary<StatementField, string>? mapping = null,
        CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepFund, ct))
            return ImportResult.Fail("NotAllowed");
        if (bytes.Length > MaxBytes)
            return ImportResult.Fail("StatementTooLarge", MaxBytes / 1024 / 1024);
        var chosen = mapping?.Where(m => Enum.IsDefined(m.Key) && !string.IsNullOrWhiteSpace(m.Value))
            .ToDictionary(m => m.Key, m => m.Value.Trim());
        if (chosen?.Values.Any(h => h.Length > MaxHeaderLength) == true)
            return ImportResult.Fail("StatementHeaderTooLong", MaxHeaderLength);
        string? saved;
        await using (var check = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await check.FundAccounts.AnyAsync(a => a.Id == accountId, ct))
                return ImportResult.Fail("AccountNotFound");
            saved = await SavedMappingAsync(check, accountId, ct);
        }
        var savedMapping = StatementColumns.Parse(saved);
        var read = StatementReader.Read(bytes, fileName, StatementColumns.Common.With(chosen is { Count: > 0 } ? chosen : savedMapping));
        // What the mapping screen needs when the file cannot be read as it is: its header row, the columns recognised in
        // it, and the labelled numbers above it (where the account number may be).
        ImportResult Mappable(ImportResult result) => result with { Headers = read.Headers, Recognised = read.Recognised, AccountPlaces = read.AccountPlaces };
        if (read.Missing.Count > 0)
            return Mappable(new ImportResult("StatementMissingColumns", [], Missing: read.Missing));
        if (read.Error is not null)
            return Mappable(ImportResult.Fail(read.Error, read.ErrorArgs ?? []));
        var original = await files.ReadAsync(new MemoryStream(bytes), fileName, FileKinds.Statements, ct);
        if (original.File is not { } file)
            return ImportResult.Fail("StatementFileRefused");
        var months = read.Rows.Select(r => FundMonth.Of(r.Date)).Distinct().ToList();
        if (months.Count > 1)
            return ImportResult.Fail("StatementSeveralMonths", string.Join(", ", months.Order().Select(m => m.ToString("yyyy-MM"))));
        // Banks list oldest or newest first: the closing balance is the one after the latest line.
        var last = read.Rows[0].Date > read.Rows[^1].Date ? read.Rows[0] : read.Rows[^1];
        if (last.Balance is not { } closing)
            return Mappable(ImportResult.Fail("StatementNoBalance"));
        var fingerprint = Convert.ToHexString(SHA256.HashData(bytes));
        var who = await actor.GetAsync();
        var now = clock.GetUtcNow();
        return await RetriedTransaction.RunAsync(dbFactory, async db =>
        {
            var account = await db.FundAccounts.AsNoTracking().SingleAsync(a => a.Id == accountId, ct);
            if (read.AccountNumber is null)
                return Mappable(ImportResult.Fail("StatementNoAccount", FundRules.Mask(account.AccountNumber)));
            if (read.AccountNumber != account.AccountNumber)
                return ImportResult.Fail("StatementOtherAccount", FundRules.Mask(read.AccountNumber), FundRules.Mask(account.AccountNumber));
            var month = months[0];
            if (month < FundMonth.Of(account.OpeningDate))
                return ImportResult.Fail("StatementBeforeOpening", account.OpeningDate.ToString("yyyy-MM-dd"));
            var existing = await db.FundStatements.AsNoTracking().SingleOrDefaultAsync(s => s.FundAccountId == accountId && s.Month == month, ct);
            if (existing is not null)
                return ImportResult.Fail(existing.Fingerprint == fingerprint ? "StatementSameFileImported" : "StatementMonthImported",
                    month.ToString("yyyy-MM"), existing.ImportedBy, FundFormat.Time(estateTime, account.EstateId, existing.ImportedAt));
            var open = await db.FundMonths.SingleOrDefaultAsync(m => m.FundAccountId == accountId && m.Month == month, ct);
            if (open?.IsClosed == true)
                return ImportResult.Fail("MonthClosed");
            if (open is null)
                db.FundMonths.Add(new FundMonth { FundAccountId = accountId, Month = month, OpenedAt = now, OpenedBy = who.Name });
            var stored = file.ToStoredFile(who.Name, now);
            db.StoredFiles.Add(stored);
            if (chosen is { Count: > 0 })
                await SaveMappingAsync(db, account.BankName, chosen, who.Name, now, ct);
            var statement = new FundStatement
            {
                FileId = stored.Id,
                FundAccountId = accountId, Month = month, FileName = Clip(Path.GetFileName(fileName), 200) ?? "statement",
                Fingerprint = fingerprint, ClosingBalance = closing, Lines = read.Rows.Count, ImportedBy = who.Name, ImportedAt = now,
            };
            db.FundStatements.Add(statement);
            await db.SaveChangesAsync(ct);
            var lines = read.Rows.Select(r => new FundStatementLine
            {
                FundStatementId = statement.Id, FundAccountId = accountId, Row = r.Row, Date = r.Date, Amount = r.Amount, Balance = r.Balance,
                Reference = Clip(r.Reference, 100), Counterparty = Clip(r.Counterparty, 100), Summary = Clip(r.Summary, 200),
            }).ToList();
            db.FundStatementLines.AddRange(lines);
            await db.SaveChangesAsync(ct);
            var matched = await AutoMatchAsync(db, accountId, month, lines, now, ct);
            // The bank's saved columns were used when nothing was chosen and every saved column is in this file.
            var usedSaved = chosen is not { Count: > 0 } && savedMapping.Count > 0 && savedMapping.All(m =>
                read.Recognised.TryGetValue(m.Key, out var header) ? StatementColumns.Same(header, m.Value) : m.Key == StatementField.Account);
            return new ImportResult(null, [], statement.Id, lines.Count, matched, Month: month) { UsedSavedMapping = usedSaved };
        }, r => r.Ok, DbErrors.IsUniqueViolation, ct);
    }

    /// <summary>Matches the month's unmatched bank lines to unmatched posted ledger lines near their dates.</summary>
    private async Task<int> AutoMatchAsync(AppDbContext db, int accountId, DateOnly month, List<FundStatementLine> lines, DateTimeOffset now, CancellationToken ct)
    {
        var window = options.Value.MatchWindowDays;
        var from = month.AddDays(-window);
        var to = month.AddMonths(1).AddDays(window - 1);
        var entries = await db.FundEntries.Where(e => e.FundAccountId == accountId && e.StatementLineId == null
                && (e.Status == FundEntryStatus.Posted || e.Status == FundEntryStatus.Paid)
                && (e.PaidOn ?? e.Date) >= from && (e.PaidOn ?? e.Date) <= to)
            .ToListAsync(ct);
        var ledger = entries.Select(e => new LedgerItem(e.Id, e.BankDate, FundEntry.Signed(e.Kind, e.Amount), e.BankReference ?? e.Reference)).ToList();
        var statement = lines.Select(l => new StatementItem(l.Id, l.Date, l.Amount, l.Reference)).ToList();
        var matches = StatementMatcher.Match(statement, ledger, window);
        var entryById = entries.ToDictionary(e => e.Id);
        var lineById = lines.ToDictionary(l => l.Id);
        foreach (var match in matches)
        {
            var line = lineById[match.StatementId];
            (line.MatchedBy, line.MatchedAt, line.AutoMatched) = (null, now, true);
            foreach (var id in match.LedgerIds)
                entryById[id].StatementLineId = line.Id;
        }
        await db.SaveChangesAsync(ct);
        return matches.Count;
    }

    private static async Task<string?> SavedMappingAsync(AppDbContext db, int accountId, CancellationToken ct)
    {
        var bank = await db.FundAccounts.Where(a => a.Id == accountId).Select(a => a.BankName).SingleOrDefaultAsync(ct);
        return bank is null ? null : await db.FundBankMappings.Where(m => m.BankName == bank.Trim()).Select(m => m.Mapping).SingleOrDefaultAsync(ct);
    }

    /// <summary>Saves the mapping for the bank, replacing the one saved before (a bank has one).</summary>
    private static async Task SaveMappingAsync(AppDbContext db, string bankName, IReadOnlyDictionary<StatementField, string> chosen, string by,
        DateTimeOffset now, CancellationToken ct)
    {
        var bank = bankName.Trim();
        var text = StatementColumns.Format(chosen);
        var row = await db.FundBankMappings.SingleOrDefaultAsync(m => m.BankName == bank, ct);
        if (row is null)
            db.FundBankMappings.Add(new FundBankMapping { BankName = bank, Mapping = text, SavedBy = by, SavedAt = now });
        else
            (row.Mapping, row.SavedBy, row.SavedAt) = (text, by, now);
    }

    private static string? Clip(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}

/// <summary>The import's outcome: <see cref="Error"/> a FundText key with <see cref="Args"/>; or the statement read and how many lines matched.</summary>
public sealed record ImportResult(string? Error, object[] Args, int? StatementId = null, int Lines = 0, int Matched = 0,
    IReadOnlyList<StatementField>? Missing = null, DateOnly? Month = null)
{
    public bool Ok => Error is null;

    /// <summary>The file's header row, when it was found: what the mapping screen offers for each field.</summary>
    public IReadOnlyList<string> Headers { get; init; } = [];

    /// <summary>The header of each field recognised in that row: preselected on the mapping screen.</summary>
    public IReadOnlyDictionary<StatementField, string> Recognised { get; init; } = new Dictionary<StatementField, string>();

    /// <summary>The labels of numbered lines above the header row ("卡号"): offered as where the account number is.</summary>
    public IReadOnlyList<string> AccountPlaces { get; init; } = [];

    /// <summary>The statement was read with the columns saved for the bank.</summary>
    public bool UsedSavedMapping { get; init; }

    public static ImportResult Fail(string error, params object[] args) => new(error, args);
}
