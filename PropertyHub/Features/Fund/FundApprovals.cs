using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Fund;

/// <summary>
/// The Manager's approval of fund expenditures: one approval up to the threshold in the settings
/// (<see cref="FundOptions.SecondApprovalAbove"/>); above it a second Manager, not the first, approves too. The caller
/// passes the version it showed, so two approvals at once cannot both count as the first.
/// </summary>
public sealed class FundApprovals(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions, IOptions<FundOptions> options, TimeProvider clock)
{
    public async Task<FundResult> ApproveAsync(int entryId, int version, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.ApproveFundExpenditures, ct))
            return FundResult.Fail("", "NotAllowed");
        var who = await actor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.FundEntries.SingleOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
            return FundResult.Fail("", "EntryNotFound");
        if (entry.Status is not (FundEntryStatus.Requested or FundEntryStatus.AwaitingSecondApproval))
            return FundResult.Fail("", "NotAwaitingApproval");
        if (entry.RecordedById is not null && entry.RecordedById == who.UserId)
            return FundResult.Fail("", "CannotApproveOwnRequest");
        db.Entry(entry).Property(e => e.Version).OriginalValue = version;
        var now = clock.GetUtcNow();
        if (entry.Status == FundEntryStatus.Requested)
        {
            (entry.FirstApprovedBy, entry.FirstApprovedById, entry.FirstApprovedAt) = (who.Name, who.UserId, now);
            entry.Status = entry.Amount > options.Value.SecondApprovalAbove ? FundEntryStatus.AwaitingSecondApproval : FundEntryStatus.Approved;
        }
        else
        {
            if (entry.FirstApprovedById == who.UserId)
                return FundResult.Fail("", "SecondApproverMustDiffer");
            (entry.SecondApprovedBy, entry.SecondApprovedById, entry.SecondApprovedAt) = (who.Name, who.UserId, now);
            entry.Status = FundEntryStatus.Approved;
        }
        return await SaveAsync(db, entry, ct);
    }

    /// <summary>Turns down a request (with the reason): it stays in the ledger as rejected and promises nothing.</summary>
    public async Task<FundResult> RejectAsync(int entryId, int version, string? reason, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.ApproveFundExpenditures, ct))
            return FundResult.Fail("", "NotAllowed");
        var (why, reasonError) = FundRules.Text(reason, 500, "Reason", required: true);
        if (reasonError is not null)
            return FundResult.Fail("Reason", reasonError);
        var who = await actor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.FundEntries.SingleOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
            return FundResult.Fail("", "EntryNotFound");
        if (entry.Status is not (FundEntryStatus.Requested or FundEntryStatus.AwaitingSecondApproval or FundEntryStatus.Approved))
            return FundResult.Fail("", "NotAwaitingApproval");
        db.Entry(entry).Property(e => e.Version).OriginalValue = version;
        (entry.Status, entry.RejectedBy, entry.RejectionReason) = (FundEntryStatus.Rejected, who.Name, why);
        return await SaveAsync(db, entry, ct);
    }

    /// <summary>The requests waiting for a Manager across all accounts, oldest first.</summary>
    public async Task<Slice<FundEntryRow>> PendingAsync(PageRequest page, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.FundEntries.AsNoTracking()
            .Where(e => e.Status == FundEntryStatus.Requested || e.Status == FundEntryStatus.AwaitingSecondApproval)
            .OrderBy(e => e.RecordedAt).ThenBy(e => e.Id)
            .Select(e => new FundEntryRow(e.Id, e.Version, e.Kind, e.Source, e.UsageItem, e.Date, e.Amount, e.Counterparty,
                e.Purpose, e.Reference, e.DecisionReference, e.Status, e.RecordedBy, e.FirstApprovedBy, e.SecondApprovedBy,
                null, e.BankReference, e.ReversalOfId, false, e.Reason)
            {
                FirstApprovedById = e.FirstApprovedById, CommonPart = e.CommonPart, WorkOrderId = e.WorkOrderId,
                Building = db.Buildings.Where(b => b.Id == e.BuildingId).Select(b => b.Name).FirstOrDefault(),
            })
            .ToSliceAsync(page, ct);
    }

    private static async Task<FundResult> SaveAsync(AppDbContext db, FundEntry entry, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FundResult.Fail("", "ConcurrencyConflict");
        }
        return FundResult.Done(entry.Id);
    }
}
