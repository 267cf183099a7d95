using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Fund;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Repairs.FundCharges;

/// <summary>A fund expenditure raised from a work order, as the work order page shows it.</summary>
public sealed record WorkOrderFundCharge(int EntryId, int FundAccountId, string BankName, decimal Amount, FundUsageItem? UsageItem,
    FundEntryStatus Status, bool Reversed, DateTimeOffset RecordedAt)
{
    /// <summary>Still charging the work order: neither rejected nor reversed.</summary>
    public bool Active => Status != FundEntryStatus.Rejected && !Reversed;
}

/// <summary>What the charge form starts from: the estate's fund accounts and the request prefilled from the work order.</summary>
public sealed record WorkOrderFundChargeDraft(IReadOnlyList<FundAccountOption> Accounts, FundExpenditureInput Input);

public sealed record FundAccountOption(int Id, string BankName, string MaskedNumber);

/// <summary>
/// Charges a repair work order to the maintenance fund (P1§8.2): a fund expenditure request linked to the work order,
/// which then goes the usual way (approval, bank expense list, paid). A work order is charged at most once; a rejected
/// or reversed expenditure frees it. The check and the request are one retried transaction, the work order's version
/// moved with it, so two people charging at once get one expenditure.
/// </summary>
public sealed class WorkOrderFundCharges(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, FundService fund, EstateTime estateTime)
{
    /// <summary>The work order's fund expenditures, newest first (the earlier ones rejected or reversed).</summary>
    public async Task<IReadOnlyList<WorkOrderFundCharge>> ChargesAsync(int workOrderId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.RaiseWorkOrders, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ChargesOf(db, workOrderId).ToListAsync(ct);
    }

    /// <summary>The request as the work order suggests it: its estate's accounts, its description, building and place.</summary>
    public async Task<WorkOrderFundChargeDraft?> DraftAsync(int workOrderId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.ChargeRepairsToFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.WorkOrders.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workOrderId, ct);
        if (order is null)
            return null;
        var accounts = (await db.FundAccounts.AsNoTracking().Where(a => a.EstateId == order.EstateId).OrderBy(a => a.Id).ToListAsync(ct))
            .Select(a => new FundAccountOption(a.Id, a.BankName, FundRules.Mask(a.AccountNumber))).ToList();
        var buildingId = order.BuildingId ?? await db.Units.Where(u => u.Id == order.UnitId).Select(u => (int?)u.BuildingId).SingleOrDefaultAsync(ct);
        var input = new FundExpenditureInput
        {
            FundAccountId = accounts.Count > 0 ? accounts[0].Id : 0,
            UsageItem = FundUsageItem.DailyRepairs,
            Date = estateTime.Today(order.EstateId),
            Purpose = Clip(order.Description, 200),
            Reference = Reference(order.Id),
            BuildingId = buildingId,
            CommonPart = order.Location == RepairLocation.CommonArea ? Clip(order.Place, FundRules.CommonPartLength) : null,
            Counterparty = order.EngineerName is null ? null : Clip(order.EngineerName, 100),
        };
        return new WorkOrderFundChargeDraft(accounts, input);
    }

    /// <summary>Requests the expenditure for the work order, on a fund account of the work order's estate.</summary>
    public async Task<FundResult> ChargeAsync(int workOrderId, FundExpenditureInput input, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.ChargeRepairsToFund, ct))
            return FundResult.Fail("", "NotAllowed");
        return await RetriedTransaction.RunAsync(dbFactory, async db =>
        {
            var order = await db.WorkOrders.SingleOrDefaultAsync(w => w.Id == workOrderId, ct);
            if (order is null)
                return FundResult.Fail("", "WorkOrderNotFound");
            if (order.Status == WorkOrderStatus.Cancelled)
                return FundResult.Fail("", "WorkOrderCancelled");
            if (!await db.FundAccounts.AnyAsync(a => a.Id == input.FundAccountId && a.EstateId == order.EstateId, ct))
                return FundResult.Fail(nameof(input.FundAccountId), "AccountNotOfEstate");
            if (await db.FundEntries.AnyAsync(e => e.WorkOrderId == workOrderId && e.ReversalOfId == null && e.Status != FundEntryStatus.Rejected
                    && !db.FundEntries.Any(r => r.ReversalOfId == e.Id), ct))
                return FundResult.Fail("", "WorkOrderAlreadyCharged");
            var (problem, entry) = await fund.ExpenditureAsync(db, input, ct);
            if (entry is null)
                return problem!;
            entry.WorkOrderId = order.Id;
            db.FundEntries.Add(entry);
            // The work order's version moves too: a second charge racing this one fails its save and runs again.
            db.Entry(order).State = EntityState.Modified;
            await db.SaveChangesAsync(ct);
            return FundResult.Done(entry.Id);
        }, r => r.Ok, e => e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e), ct);
    }

    /// <summary>The reference a charge carries: the work order's number.</summary>
    public static string Reference(int workOrderId) => "WO-" + workOrderId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IQueryable<WorkOrderFundCharge> ChargesOf(AppDbContext db, int workOrderId) =>
        db.FundEntries.AsNoTracking().Where(e => e.WorkOrderId == workOrderId && e.ReversalOfId == null)
            .OrderByDescending(e => e.Id)
            .Select(e => new WorkOrderFundCharge(e.Id, e.FundAccountId,
                db.FundAccounts.Where(a => a.Id == e.FundAccountId).Select(a => a.BankName).First(),
                e.Amount, e.UsageItem, e.Status, db.FundEntries.Any(r => r.ReversalOfId == e.Id), e.RecordedAt));

    private static string? Clip(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}
