using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Disclosures;

namespace PropertyHub.Features.Fund.Disclosures;

/// <summary>
/// Drafts each fund account's statement of a half-year (P1§8.5) as revision 1 of a fund <see cref="Disclosure"/>, its
/// lines from the ledger and the reconciliation; from there Finance writes the notes, the Manager approves and
/// publishes it like the fee statement. Exactly once per account and half-year: a statement already there is left
/// alone, and the unique (estate, subject, half-year, revision) key refuses a second draft written at the same moment.
/// Accounts opened after the half-year are skipped.
/// </summary>
public sealed class FundDisclosureDrafter(
    IDbContextFactory<AppDbContext> dbFactory,
    Permissions permissions,
    IFundStatements statements,
    TimeProvider clock,
    ILogger<FundDisclosureDrafter> logger)
{
    public async Task<int> DraftAsync(HalfYear halfYear, CancellationToken ct)
    {
        await permissions.DemandAsync(Can.DraftDisclosures, ct);
        var period = halfYear.ToString();
        var end = halfYear.Next.FirstDay;
        await using var lookup = await dbFactory.CreateDbContextAsync(ct);
        var accounts = await lookup.FundAccounts.AsNoTracking().Where(a => a.OpeningDate < end).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.EstateId }).ToListAsync(ct);
        var drafted = 0;
        foreach (var account in accounts)
        {
            var subject = Disclosure.FundSubject(account.Id);
            if (await lookup.Disclosures.AnyAsync(d => d.EstateId == account.EstateId && d.Subject == subject && d.HalfYear == period, ct))
                continue;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Disclosures.Add(new Disclosure
            {
                EstateId = account.EstateId,
                FundAccountId = account.Id,
                Subject = subject,
                HalfYear = period,
                Revision = 1,
                Status = DisclosureStatus.Draft,
                CreatedAt = clock.GetUtcNow(),
                Lines = (await statements.LinesAsync(db, account.Id, halfYear, ct))!,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                drafted++;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // Another run drafted this account's statement meanwhile.
            }
        }
        logger.LogInformation("Drafted {Count} fund statements for {HalfYear}", drafted, period);
        return drafted;
    }
}
