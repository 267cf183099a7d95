using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Fund.Reconciliation;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Fund;

/// <summary>
/// The maintenance fund's accounts and ledger (P1§8.1–8.2): Finance opens an account per estate, records receipts and
/// requests expenditures under their usage item; a posted line is corrected by a reversing entry, never deleted.
/// </summary>
public sealed class FundService(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions, EstateTime estateTime, TimeProvider clock)
{
    public async Task<IReadOnlyList<FundAccountView>> AccountsAsync(CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var accounts = await db.FundAccounts.AsNoTracking()
            .Join(db.Estates, a => a.EstateId, e => e.Id, (a, e) => new { Account = a, EstateName = e.Name })
            .OrderBy(x => x.EstateName).ThenBy(x => x.Account.Id).ToListAsync(ct);
        var views = new List<FundAccountView>();
        foreach (var x in accounts)
            views.Add(View(x.Account, x.EstateName, await FundBalances.OfAsync(db, x.Account, ct)));
        return views;
    }

    public async Task<FundAccountView?> AccountAsync(int accountId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.FundAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
            return null;
        var estateName = await db.Estates.Where(e => e.Id == account.EstateId).Select(e => e.Name).SingleAsync(ct);
        return View(account, estateName, await FundBalances.OfAsync(db, account, ct));
    }

    /// <summary>The estates an account may be opened for.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> EstatesAsync(CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Estates.AsNoTracking().OrderBy(e => e.Name).Select(e => new { e.Id, e.Name }).ToListAsync(ct))
            .Select(e => (e.Id, e.Name)).ToList();
    }

    public async Task<FundResult> OpenAccountAsync(FundAccountInput input, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepFund, ct))
            return FundResult.Fail("", "NotAllowed");
        var errors = new Dictionary<string, string>();
        var (bank, bankError) = FundRules.Text(input.BankName, 100, "BankName", required: true);
        if (bankError is not null)
            errors[nameof(input.BankName)] = bankError;
        var (number, numberError) = FundRules.ParseAccountNumber(input.AccountNumber);
        if (numberError is not null)
            errors[nameof(input.AccountNumber)] = numberError;
        decimal opening = 0;
        if (!string.IsNullOrWhiteSpace(input.OpeningBalance) && input.OpeningBalance.Trim() is not ("0" or "0.00"))
        {
            var (amount, amountError) = FundRules.ParseAmount(input.OpeningBalance);
            if (amountError is not null)
                errors[nameof(input.OpeningBalance)] = amountError;
            opening = amount ?? 0;
        }
        if (input.OpeningDate is null)
            errors[nameof(input.OpeningDate)] = "DateRequired";
        if (errors.Count > 0)
            return new FundResult(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Estates.AnyAsync(e => e.Id == input.EstateId, ct))
            return FundResult.Fail(nameof(input.EstateId), "EstateRequired");
        if (input.OpeningDate > estateTime.Today(input.EstateId))
            return FundResult.Fail(nameof(input.OpeningDate), "DateInFuture");
        var account = new FundAccount
        {
            EstateId = input.EstateId,
            BankName = bank!,
            AccountNumber = number!,
            OpeningBalance = opening,
            OpeningDate = input.OpeningDate!.Value,
            CreatedAt = clock.GetUtcNow(),
        };
        db.FundAccounts.Add(account);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return FundResult.Fail(nameof(input.AccountNumber), "AccountNumberTaken");
        }
        return FundResult.Done(account.Id);
    }

    public async Task<FundResult> RecordReceiptAsync(FundReceiptInput input, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepFund, ct))
            return FundResult.Fail("", "NotAllowed");
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(input.Source))
            errors[nameof(input.Source)] = "SourceRequired";
        var (amount, amountError) = FundRules.ParseAmount(input.Amount);
        if (amountError is not null)
            errors[nameof(input.Amount)] = amountError;
        var (counterparty, counterpartyError) = FundRules.Text(input.Counterparty, 100, "Counterparty", required: true);
        if (counterpartyError is not null)
            errors[nameof(input.Counterparty)] = counterpartyError;
        var (reference, referenceError) = FundRules.Text(input.Reference, 100, "Reference", required: false);
        if (referenceError is not null)
            errors[nameof(input.Reference)] = referenceError;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.FundAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.FundAccountId, ct);
        if (account is null)
            return FundResult.Fail("", "AccountNotFound");
        if (await DateErrorAsync(db, account, input.Date, ct) is { } dateError)
            errors[nameof(input.Date)] = dateError;
        if (errors.Count > 0)
            return new FundResult(errors);
        var who = await actor.GetAsync();
        var entry = new FundEntry
        {
            FundAccountId = account.Id,
            Kind = FundEntryKind.Receipt,
            Source = input.Source,
            Date = input.Date!.Value,
            Amount = amount!.Value,
            Counterparty = counterparty!,
            Reference = reference,
            Status = FundEntryStatus.Posted,
            RecordedBy = who.Name,
            RecordedById = who.UserId,
            RecordedAt = clock.GetUtcNow(),
        };
        db.FundEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return FundResult.Done(entry.Id);
    }

    /// <summary>
    /// Requests an expenditure under its usage item; it waits for the Manager. More than is left to spend (the ledger
    /// balance less what is already promised) stops with a warning until Finance confirms.
    /// </summary>
    public async Task<FundResult> RequestExpenditureAsync(FundExpenditureInput input, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.KeepFund, ct))
            return FundResult.Fail("", "NotAllowed");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (result, entry) = await ExpenditureAsync(db, input, ct);
        if (entry is null)
            return result!;
        db.FundEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return FundResult.Done(entry.Id);
    }

    /// <summary>
    /// The requested expenditure checked and built, not yet added (its caller saves it, in its own transaction when it
    /// must check more); or the errors or warning, nothing written.
    /// </summary>
    internal async Task<(FundResult? Problem, FundEntry? Entry)> ExpenditureAsync(AppDbContext db, FundExpenditureInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (input.UsageItem is not { } usage || !Enum.IsDefined(usage))
            errors[nameof(input.UsageItem)] = "UsageItemRequired";
        var (amount, amountError) = FundRules.ParseAmount(input.Amount);
        if (amountError is not null)
            errors[nameof(input.Amount)] = amountError;
        var (payee, payeeError) = FundRules.Text(input.Counterparty, 100, "Payee", required: true);
        if (payeeError is not null)
            errors[nameof(input.Counterparty)] = payeeError;
        var (payeeAccount, payeeAccountError) = FundRules.Text(input.CounterpartyAccount, 40, "PayeeAccount", required: true);
        if (payeeAccountError is not null)
            errors[nameof(input.CounterpartyAccount)] = payeeAccountError;
        var (purpose, purposeError) = FundRules.Text(input.Purpose, 200, "Purpose", required: true);
        if (purposeError is not null)
            errors[nameof(input.Purpose)] = purposeError;
        var (reference, referenceError) = FundRules.Text(input.Reference, 100, "Reference", required: false);
        if (referenceError is not null)
            errors[nameof(input.Reference)] = referenceError;
        var (decision, decisionError) = FundRules.Text(input.DecisionReference, 100, "DecisionReference",
            required: input.UsageItem == FundUsageItem.CommitteeActivities);
        if (decisionError is not null)
            errors[nameof(input.DecisionReference)] = decisionError;
        var (commonPart, commonPartError) = FundRules.Text(input.CommonPart, FundRules.CommonPartLength, "CommonPart", required: false);
        if (commonPartError is not null)
            errors[nameof(input.CommonPart)] = commonPartError;
        var account = await db.FundAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.FundAccountId, ct);
        if (account is null)
            return (FundResult.Fail("", "AccountNotFound"), null);
        if (input.BuildingId is { } buildingId && !await db.Buildings.AnyAsync(b => b.Id == buildingId && b.EstateId == account.EstateId, ct))
            errors[nameof(input.BuildingId)] = "BuildingNotInEstate";
        if (await DateErrorAsync(db, account, input.Date, ct) is { } dateError)
            errors[nameof(input.Date)] = dateError;
        if (errors.Count > 0)
            return (new FundResult(errors), null);
        if (!input.OverBalanceConfirmed && amount > (await FundBalances.OfAsync(db, account, ct)).Available)
            return (FundResult.Warn("OverBalance"), null);
        var who = await actor.GetAsync();
        var entry = new FundEntry
        {
            FundAccountId = account.Id,
            Kind = FundEntryKind.Expenditure,
            UsageItem = input.UsageItem,
            Date = input.Date!.Value,
            Amount = amount!.Value,
            Counterparty = payee!,
            CounterpartyAccount = payeeAccount,
            Purpose = purpose,
            Reference = reference,
            // Only a committee expense carries the assembly's decision.
            DecisionReference = input.UsageItem == FundUsageItem.CommitteeActivities ? decision : null,
            BuildingId = input.BuildingId,
            CommonPart = commonPart,
            Status = FundEntryStatus.Requested,
            RecordedBy = who.Name,
            RecordedById = who.UserId,
            RecordedAt = clock.GetUtcNow(),
        };
        return (null, entry);
    }

    /// <summary>
    /// Undoes a posted line (a receipt or a paid expenditure): a new line of the opposite amount dated today, with the
    /// reason. The unique key on what it reverses stops a second reversal, at once or later.
    /// </summary>
    /// <summary>The buildings of the account's estate an expenditure may name, by name.</summary>
    public async Task<IReadOnlyList<FundBuildingOption>> BuildingsAsync(int accountId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var estateId = await db.FundAccounts.Where(a => a.Id == accountId).Select(a => (int?)a.EstateId).SingleOrDefaultAsync(ct);
        var buildings = await db.Buildings.AsNoTracking().Where(b => b.EstateId == estateId)
            .Select(b => new FundBuildingOption(b.Id, b.Name)).ToListAsync(ct);
        return buildings.OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<FundResult> ReverseAsync(int entryId, string? reason, CancellationToken ct = default)
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
        if (original.ReversalOfId is not null)
            return FundResult.Fail("", "CannotReverseReversal");
        if (!original.IsPosted)
            return FundResult.Fail("", "OnlyPostedReversed");
        if (await db.FundEntries.AnyAsync(e => e.ReversalOfId == entryId, ct))
            return FundResult.Fail("", "AlreadyReversed");
        var estateId = await db.FundAccounts.Where(a => a.Id == original.FundAccountId).Select(a => a.EstateId).SingleAsync(ct);
        var who = await actor.GetAsync();
        var today = estateTime.Today(estateId);
        if (await FundMonthLock.ErrorAsync(db, original.FundAccountId, today, ct) is { } closed)
            return FundResult.Fail("", closed);
        var reversal = original.ReversalOn(today, who, clock.GetUtcNow(), why!);
        db.FundEntries.Add(reversal);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return FundResult.Fail("", "AlreadyReversed");
        }
        return FundResult.Done(reversal.Id);
    }

    /// <summary>One page of an account's ledger, newest first.</summary>
    public async Task<Slice<FundEntryRow>> PageAsync(int accountId, FundLedgerFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeeFund, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.FundEntries.AsNoTracking().Where(e => e.FundAccountId == accountId);
        query = filter switch
        {
            FundLedgerFilter.Receipts => query.Where(e => e.Kind == FundEntryKind.Receipt),
            FundLedgerFilter.Expenditures => query.Where(e => e.Kind == FundEntryKind.Expenditure),
            FundLedgerFilter.AwaitingApproval => query.Where(e => e.Status == FundEntryStatus.Requested || e.Status == FundEntryStatus.AwaitingSecondApproval),
            _ => query,
        };
        var ordered = page.SortBy == nameof(FundEntryRow.Date) && !page.Descending
            ? query.OrderBy(e => e.Date).ThenBy(e => e.Id)
            : query.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id);
        return await ordered.Select(e => new FundEntryRow(e.Id, e.Version, e.Kind, e.Source, e.UsageItem, e.Date, e.Amount, e.Counterparty,
                e.Purpose, e.Reference, e.DecisionReference, e.Status, e.RecordedBy, e.FirstApprovedBy, e.SecondApprovedBy,
                db.BankExpenseLists.Where(l => l.Id == e.BankExpenseListId).Select(l => l.Number).FirstOrDefault(), e.BankReference,
                e.ReversalOfId, db.FundEntries.Any(r => r.ReversalOfId == e.Id), e.Reason)
            {
                RejectionReason = e.RejectionReason, RejectedBy = e.RejectedBy, PaidOn = e.PaidOn, CommonPart = e.CommonPart, WorkOrderId = e.WorkOrderId,
                Building = db.Buildings.Where(b => b.Id == e.BuildingId).Select(b => b.Name).FirstOrDefault(),
            })
            .ToSliceAsync(page, ct);
    }

    private async Task<string?> DateErrorAsync(AppDbContext db, FundAccount account, DateOnly? date, CancellationToken ct)
    {
        if (date is not { } d)
            return "DateRequired";
        if (d < account.OpeningDate)
            return "DateBeforeOpening";
        if (d > estateTime.Today(account.EstateId))
            return "DateInFuture";
        return await FundMonthLock.ErrorAsync(db, account.Id, d, ct);
    }

    private FundAccountView View(FundAccount a, string estateName, FundBalance balance) =>
        new(a.Id, a.EstateId, estateName, a.BankName, FundRules.Mask(a.AccountNumber), a.OpeningBalance, a.OpeningDate, balance, estateTime.Today(a.EstateId));
}
