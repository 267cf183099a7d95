using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Fund.Reconciliation;

/// <summary>A month still to reconcile, for the dashboard: <see cref="Overdue"/> once past the due day of the next month.</summary>
public sealed record PendingReconciliation(int AccountId, string EstateName, DateOnly Month, bool HasStatement, bool Overdue, DateOnly DueBy);

/// <summary>The reconciliation's duties: opening last month for every account, and the months not closed in time.</summary>
public sealed class ReconciliationDuties(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, EstateTime estateTime, TimeProvider clock,
    IOptions<FundOptions> options, ReconciliationNotices notices)
{
    /// <summary>
    /// Opens the month's reconciliation for every account open by its end and tells Finance (an e-mail to each active
    /// Finance user, <see cref="ReconciliationNotices"/>), both in one save per account; returns how many months this run
    /// opened. The unique (account, month) key and the outbox's unique key decide: a month opened meanwhile, by another
    /// run or by an import, is not opened again, and whoever has been told is not told again — a month an import opened
    /// before the duty is still told once, a closed one is left alone.
    /// </summary>
    public async Task<int> OpenMonthAsync(DateOnly month, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.RunDuties, ct);
        month = FundMonth.Of(month);
        var end = month.AddMonths(1).AddDays(-1);
        var dueBy = DueBy(month, options.Value.ReconciliationDueDay);
        List<int> accounts;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            accounts = await db.FundAccounts.AsNoTracking()
                .Where(a => a.OpeningDate <= end && !db.FundMonths.Any(m => m.FundAccountId == a.Id && m.Month == month && m.ClosedAt != null))
                .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        }
        var opened = 0;
        foreach (var accountId in accounts)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.IsBackground = true;
            var now = clock.GetUtcNow();
            var opening = !await db.FundMonths.AnyAsync(m => m.FundAccountId == accountId && m.Month == month, ct);
            if (opening)
                db.FundMonths.Add(new FundMonth { FundAccountId = accountId, Month = month, OpenedAt = now, OpenedBy = ReconciliationDuty.DutyName });
            var told = await notices.AddAsync(db, accountId, month, dueBy, now, ct);
            if (!opening && told == 0)
                continue;
            try
            {
                await db.SaveChangesAsync(ct);
                opened += opening ? 1 : 0;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // Opened, or Finance told, by another run in the meantime: that run's save stands, this one's is undone.
            }
        }
        return opened;
    }

    /// <summary>The months opened and not closed yet, oldest first (a handful: one per account and month).</summary>
    public async Task<IReadOnlyList<PendingReconciliation>> PendingAsync(CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.FundMonths.AsNoTracking().Where(m => m.ClosedAt == null)
            .Join(db.FundAccounts, m => m.FundAccountId, a => a.Id, (m, a) => new { m.FundAccountId, m.Month, a.EstateId })
            .Join(db.Estates, x => x.EstateId, e => e.Id, (x, e) => new
            {
                x.FundAccountId, x.Month, x.EstateId, e.Name,
                HasStatement = db.FundStatements.Any(s => s.FundAccountId == x.FundAccountId && s.Month == x.Month),
            })
            .OrderBy(x => x.Month).ThenBy(x => x.Name).Take(100).ToListAsync(ct);
        var dueDay = options.Value.ReconciliationDueDay;
        return [.. open.Select(x => new PendingReconciliation(x.FundAccountId, x.Name, x.Month, x.HasStatement,
            estateTime.Today(x.EstateId) > DueBy(x.Month, dueDay), DueBy(x.Month, dueDay)))];
    }

    /// <summary>
    /// The months not closed in time, as /duties names them in the duty's description ("心家泊花园 2026-03、…"), or "—".
    /// Read synchronously because the duties page asks for its descriptions that way; at most fifty open months.
    /// </summary>
    public static string OverdueNow(IServiceProvider services)
    {
        var dueDay = services.GetRequiredService<IOptions<FundOptions>>().Value.ReconciliationDueDay;
        var estateTime = services.GetRequiredService<EstateTime>();
        using var db = services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var open = db.FundMonths.AsNoTracking().Where(m => m.ClosedAt == null)
            .Join(db.FundAccounts, m => m.FundAccountId, a => a.Id, (m, a) => new { m.Month, a.EstateId })
            .Join(db.Estates, x => x.EstateId, e => e.Id, (x, e) => new { x.Month, x.EstateId, e.Name })
            .OrderBy(x => x.Month).Take(50).ToList();
        var overdue = open.Where(x => estateTime.Today(x.EstateId) > DueBy(x.Month, dueDay)).Select(x => $"{x.Name} {x.Month:yyyy-MM}").ToList();
        return overdue.Count > 0 ? string.Join("、", overdue) : "—";
    }

    /// <summary>The last day a month may be closed on before it is flagged: the due day of the month after it.</summary>
    public static DateOnly DueBy(DateOnly month, int dueDay) => FundMonth.Of(month).AddMonths(1).AddDays(dueDay - 1);
}
