using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Fees.Disclosures;
using PropertyHub.Features.Fund.Reports;

namespace PropertyHub.Features.Fund.Disclosures;

/// <summary>Where a month of the half-year stands in the monthly reconciliation.</summary>
public enum FundMonthState
{
    NotOpened,
    Open,
    Closed,
}

public sealed record FundMonthReconciliation(DateOnly Month, FundMonthState State);

/// <summary>One of the half-year's largest paid expenditures, named on the statement (P1§8.5 "main works").</summary>
public sealed record FundMainWork(int EntryId, DateOnly PaidOn, FundUsageItem Item, string Counterparty, string? Purpose, decimal Amount);

/// <summary>
/// The body of a fund account's semiannual statement (P1§8.5): the half-year's months from the ledger (opening balance,
/// contributions, interest, other receipts, spending, closing balance), the spending by usage item, the main works
/// and each month's reconciliation state.
/// </summary>
public sealed record FundDisclosureBody(HalfYear HalfYear, FundReport Period, IReadOnlyList<FundMainWork> MainWorks,
    IReadOnlyList<FundMonthReconciliation> Reconciliation)
{
    public decimal Opening => Period.Opening;
    public decimal Contributions => Period.Months.Sum(m => m.Contributions);
    public decimal Interest => Period.Months.Sum(m => m.Interest);
    public decimal OtherReceipts => Period.Months.Sum(m => m.OtherReceipts);
    public decimal Closing => Period.Closing;
}

/// <summary>
/// Works out a statement's body from the ledger and the reconciliation: shown as draft figures on the reports page, and
/// written into a fund statement's lines when the fund disclosure duty drafts it (<see cref="FundStatements"/>), drawn
/// again when the statement is approved and when it is published (so a month closed meanwhile shows closed), and frozen
/// from then on: corrections are revisions.
/// </summary>
public sealed class FundDisclosureFigures(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, FundReports reports)
{
    /// <summary>How many of the largest paid expenditures the statement names.</summary>
    public const int MainWorksListed = 5;

    public async Task<FundDisclosureBody?> BodyAsync(int accountId, HalfYear halfYear, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.FundAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct);
        return account is null ? null : await BodyAsync(db, account, halfYear, reports, ct);
    }

    /// <summary>The body on a context of the caller's, who has checked access.</summary>
    internal static async Task<FundDisclosureBody> BodyAsync(AppDbContext db, FundAccount account, HalfYear halfYear, FundReports reports, CancellationToken ct)
    {
        var accountId = account.Id;
        var (from, until) = (halfYear.FirstDay, halfYear.Next.FirstDay);
        var period = await reports.PeriodAsync(db, account, from, until, ct);
        // Paid lines neither reversing nor reversed; amounts compared in memory (SQLite has no decimal ordering).
        var paid = await db.FundEntries.AsNoTracking()
            .Where(e => e.FundAccountId == accountId && e.Status == FundEntryStatus.Paid && e.ReversalOfId == null
                && e.PaidOn >= from && e.PaidOn < until && !db.FundEntries.Any(r => r.ReversalOfId == e.Id))
            .Select(e => new FundMainWork(e.Id, e.PaidOn!.Value, e.UsageItem!.Value, e.Counterparty, e.Purpose, e.Amount))
            .ToListAsync(ct);
        var mainWorks = paid.OrderByDescending(w => w.Amount).ThenBy(w => w.PaidOn).ThenBy(w => w.EntryId).Take(MainWorksListed).ToList();
        var months = await db.FundMonths.AsNoTracking().Where(m => m.FundAccountId == accountId && m.Month >= from && m.Month < until)
            .ToDictionaryAsync(m => m.Month, m => m.IsClosed ? FundMonthState.Closed : FundMonthState.Open, ct);
        var reconciliation = period.Months
            .Select(m => new FundMonthReconciliation(m.Month, months.GetValueOrDefault(m.Month, FundMonthState.NotOpened)))
            .ToList();
        return new FundDisclosureBody(halfYear, period, mainWorks, reconciliation);
    }
}
