using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Disclosures;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Fund.Disclosures;

/// <summary>Whether an account's statement of the half-year just ended may be drafted by hand: the half-year, and the
/// statement when one is there already.</summary>
public sealed record FundStatementOffer(HalfYear HalfYear, bool Covered, int? DisclosureId);

/// <summary>
/// Finance's or the Manager's "draft the statement for this half-year" on a fund account. The semiannual duty runs once
/// per half-year for all accounts (<see cref="FundDisclosureDuty"/>); an account opened afterwards — with an opening date
/// inside the half-year — would wait a year without this. The same exactly-once per account and half-year holds as for
/// the duty: a statement already there is left alone, and the unique (estate, subject, half-year, revision) key refuses
/// a second draft written at the same moment (by this action or the duty).
/// </summary>
public sealed class FundStatementDrafts(
    IDbContextFactory<AppDbContext> dbFactory,
    Permissions permissions,
    IFundStatements statements,
    EstateTime estateTime,
    TimeProvider clock)
{
    /// <summary>The half-year just ended in the estate's calendar, whether the account was open in it, and its statement if drafted.</summary>
    public async Task<FundStatementOffer?> OfferAsync(int accountId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.FundAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct);
        return account is null ? null : await OfferAsync(db, account, ct);
    }

    public async Task<FundResult> DraftAsync(int accountId, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepFund, ct) && !await permissions.AllowsAsync(Can.ApproveFundExpenditures, ct))
            return FundResult.Fail("", "NotAllowed");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.FundAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
            return FundResult.Fail("", "AccountNotFound");
        var offer = await OfferAsync(db, account, ct);
        if (!offer.Covered)
            return FundResult.Fail("", "StatementNotCovered");
        if (offer.DisclosureId is not null)
            return FundResult.Fail("", "StatementAlreadyDrafted");
        var statement = new Disclosure
        {
            EstateId = account.EstateId,
            FundAccountId = account.Id,
            Subject = Disclosure.FundSubject(account.Id),
            HalfYear = offer.HalfYear.ToString(),
            Revision = 1,
            Status = DisclosureStatus.Draft,
            CreatedAt = clock.GetUtcNow(),
            Lines = (await statements.LinesAsync(db, account.Id, offer.HalfYear, ct))!,
        };
        db.Disclosures.Add(statement);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The duty or another press drafted it meanwhile.
            return FundResult.Fail("", "StatementAlreadyDrafted");
        }
        return FundResult.Done(statement.Id);
    }

    private async Task<FundStatementOffer> OfferAsync(AppDbContext db, FundAccount account, CancellationToken ct)
    {
        var halfYear = HalfYear.Of(estateTime.Today(account.EstateId)).Previous;
        var subject = Disclosure.FundSubject(account.Id);
        var period = halfYear.ToString();
        var existing = await db.Disclosures.AsNoTracking().Where(d => d.EstateId == account.EstateId && d.Subject == subject && d.HalfYear == period)
            .OrderBy(d => d.Revision).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        // Like the duty: an account opened after the half-year ended has nothing to state for it.
        return new FundStatementOffer(halfYear, account.OpeningDate < halfYear.Next.FirstDay, existing);
    }
}
