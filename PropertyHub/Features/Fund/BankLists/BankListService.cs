using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Fund.Reconciliation;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Fund.BankLists;

public sealed record BankListRow(int Id, int Version, string Number, int Lines, decimal Total, string CreatedBy, DateTimeOffset CreatedAt,
    string? SubmittedBy, DateTimeOffset? SubmittedAt);

public sealed record BankListLine(int EntryId, int Version, int No, string Payee, string? PayeeAccount, decimal Amount, string? Purpose,
    FundUsageItem? UsageItem, FundEntryStatus Status, string? BankReference)
{
    /// <summary>The Manager(s) who approved the line: the first, and the second above the threshold.</summary>
    public IReadOnlyList<string> ApprovedBy { get; init; } = [];

    /// <summary>The day the bank paid it, once paid.</summary>
    public DateOnly? PaidOn { get; init; }
}

/// <summary>A bank expense list as printed and exported: the fund account (masked), and its lines in order.</summary>
public sealed record BankListSheet(BankListRow List, int FundAccountId, string EstateName, string BankName, string MaskedAccount, DateOnly EstateToday,
    IReadOnlyList<BankListLine> Lines)
{
    /// <summary>The day the list was drawn up, in the estate's calendar.</summary>
    public DateOnly ListDate { get; init; }

    /// <summary>When it was handed to the bank, as the estate's clock read it ("2026-03-12 09:30").</summary>
    public string? SubmittedAtLocal { get; init; }
}

/// <summary>
/// The lists of approved, unpaid expenditures handed to the custodian bank (P1§8.3): Finance draws one up (every
/// approved line not yet on a list goes on it), marks it submitted, then marks each line paid with the bank's reference.
/// </summary>
public sealed class BankListService(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions, EstateTime estateTime, TimeProvider clock)
{
    public async Task<FundResult> CreateAsync(int accountId, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepFund, ct))
            return FundResult.Fail("", "NotAllowed");
        var who = (await actor.GetAsync()).Name;
        // A line rejected meanwhile (its version moved) or another list taking the number: start again.
        return await RetriedTransaction.RunAsync(dbFactory, db => CreateInAsync(db, accountId, who, ct), r => r.Ok,
            e => e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e), ct);
    }

    private async Task<FundResult> CreateInAsync(AppDbContext db, int accountId, string who, CancellationToken ct)
    {
        var account = await db.FundAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
            return FundResult.Fail("", "AccountNotFound");
        var lines = await db.FundEntries.Where(e => e.FundAccountId == accountId && e.Status == FundEntryStatus.Approved && e.BankExpenseListId == null)
            .OrderBy(e => e.Date).ThenBy(e => e.Id).ToListAsync(ct);
        if (lines.Count == 0)
            return FundResult.Fail("", "NothingToList");
        var year = estateTime.Today(account.EstateId).Year;
        var last = await db.BankExpenseLists.Where(l => l.FundAccountId == accountId && l.Year == year).MaxAsync(l => (int?)l.Seq, ct) ?? 0;
        var list = new BankExpenseList
        {
            FundAccountId = accountId,
            Year = year,
            Seq = last + 1,
            Number = BankExpenseList.Format(year, last + 1),
            Total = lines.Sum(l => l.Amount),
            Lines = lines.Count,
            CreatedBy = who,
            CreatedAt = clock.GetUtcNow(),
        };
        db.BankExpenseLists.Add(list);
        await db.SaveChangesAsync(ct);
        foreach (var line in lines)
            (line.Status, line.BankExpenseListId) = (FundEntryStatus.OnList, list.Id);
        await db.SaveChangesAsync(ct);
        return FundResult.Done(list.Id);
    }

    /// <summary>Marks the list as handed to the bank; its lines may then be marked paid.</summary>
    public async Task<FundResult> SubmitAsync(int listId, int version, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepFund, ct))
            return FundResult.Fail("", "NotAllowed");
        var who = (await actor.GetAsync()).Name;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.BankExpenseLists.SingleOrDefaultAsync(l => l.Id == listId, ct);
        if (list is null)
            return FundResult.Fail("", "ListNotFound");
        if (list.SubmittedAt is not null)
            return FundResult.Fail("", "AlreadySubmitted");
        db.Entry(list).Property(l => l.Version).OriginalValue = version;
        (list.SubmittedBy, list.SubmittedAt) = (who, clock.GetUtcNow());
        return await SaveAsync(db, list.Id, ct);
    }

    /// <summary>Records that the bank paid a line of a submitted list, with the bank's reference and date.</summary>
    public async Task<FundResult> MarkPaidAsync(int entryId, int version, DateOnly? paidOn, string? bankReference, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepFund, ct))
            return FundResult.Fail("", "NotAllowed");
        var (reference, referenceError) = FundRules.Text(bankReference, 100, "BankReference", required: true);
        if (referenceError is not null)
            return FundResult.Fail("BankReference", referenceError);
        if (paidOn is null)
            return FundResult.Fail("PaidOn", "DateRequired");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.FundEntries.SingleOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
            return FundResult.Fail("", "EntryNotFound");
        if (entry.Status != FundEntryStatus.OnList)
            return FundResult.Fail("", "NotOnList");
        if (!await db.BankExpenseLists.AnyAsync(l => l.Id == entry.BankExpenseListId && l.SubmittedAt != null, ct))
            return FundResult.Fail("", "ListNotSubmitted");
        var account = await db.FundAccounts.AsNoTracking().SingleAsync(a => a.Id == entry.FundAccountId, ct);
        if (paidOn < account.OpeningDate)
            return FundResult.Fail("PaidOn", "DateBeforeOpening");
        if (paidOn > estateTime.Today(account.EstateId))
            return FundResult.Fail("PaidOn", "DateInFuture");
        if (await FundMonthLock.ErrorAsync(db, account.Id, paidOn.Value, ct) is { } closed)
            return FundResult.Fail("PaidOn", closed);
        db.Entry(entry).Property(e => e.Version).OriginalValue = version;
        (entry.Status, entry.PaidOn, entry.BankReference) = (FundEntryStatus.Paid, paidOn, reference);
        return await SaveAsync(db, entry.Id, ct);
    }

    public async Task<Slice<BankListRow>> PageAsync(int accountId, PageRequest page, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BankExpenseLists.AsNoTracking().Where(l => l.FundAccountId == accountId)
            .OrderByDescending(l => l.Year).ThenByDescending(l => l.Seq)
            .Select(l => new BankListRow(l.Id, l.Version, l.Number, l.Lines, l.Total, l.CreatedBy, l.CreatedAt, l.SubmittedBy, l.SubmittedAt))
            .ToSliceAsync(page, ct);
    }

    public async Task<BankListSheet?> SheetAsync(int listId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.BankExpenseLists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == listId, ct);
        if (list is null)
            return null;
        var account = await db.FundAccounts.AsNoTracking().SingleAsync(a => a.Id == list.FundAccountId, ct);
        var estateName = await db.Estates.Where(e => e.Id == account.EstateId).Select(e => e.Name).SingleAsync(ct);
        var entries = await db.FundEntries.AsNoTracking().Where(e => e.BankExpenseListId == listId).OrderBy(e => e.Date).ThenBy(e => e.Id).ToListAsync(ct);
        var lines = entries.Select((e, i) => new BankListLine(e.Id, e.Version, i + 1, e.Counterparty, e.CounterpartyAccount, e.Amount, e.Purpose,
            e.UsageItem, e.Status, e.BankReference)
        {
            ApprovedBy = new[] { e.FirstApprovedBy, e.SecondApprovedBy }.OfType<string>().ToList(),
            PaidOn = e.PaidOn,
        }).ToList();
        var row = new BankListRow(list.Id, list.Version, list.Number, list.Lines, list.Total, list.CreatedBy, list.CreatedAt, list.SubmittedBy, list.SubmittedAt);
        return new BankListSheet(row, account.Id, estateName, account.BankName, FundRules.Mask(account.AccountNumber), estateTime.Today(account.EstateId), lines)
        {
            ListDate = estateTime.LocalDate(account.EstateId, list.CreatedAt),
            SubmittedAtLocal = list.SubmittedAt is { } submitted ? FundFormat.Time(estateTime, account.EstateId, submitted) : null,
        };
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
