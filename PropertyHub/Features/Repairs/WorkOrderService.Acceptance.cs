using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.PaidServices;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Repairs.Visits;

namespace PropertyHub.Features.Repairs;

public sealed partial class WorkOrderService
{
    /// <summary>
    /// A material the engineer used on paid work while it is in progress: its quantity and unit price (to the cent; a
    /// third decimal is refused) go into the amount the occupant signs at the acceptance.
    /// </summary>
    public async Task<RepairResult> AddMaterialAsync(int id, int version, string? name, string? quantity, string? unitPrice, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.WorkVisits, ct))
            return RepairResult.Invalid("", permissions.Refusal);
        var clean = Registry.TypedText.Text(name);
        var errors = new List<FieldMessage>();
        if (clean is null)
            errors.Add(new FieldMessage("MaterialName", text["MaterialNameRequired"]));
        else if (clean.Length > WorkOrderMaterial.MaxName)
            errors.Add(new FieldMessage("MaterialName", text["TooLong", WorkOrderMaterial.MaxName]));
        var (count, countError) = FeeRules.ParseAmount(quantity);
        if (countError is not null || count <= 0)
            errors.Add(new FieldMessage("Quantity", text[countError == "AmountTooManyDecimals" ? "QuantityDecimals" : "QuantityRequired"]));
        var (price, priceError) = FeeRules.ParseAmount(unitPrice);
        if (priceError is not null)
            errors.Add(new FieldMessage("UnitPrice", text[priceError == "AmountTooManyDecimals" ? "PriceDecimals" : "PriceRequired"]));
        if (errors.Count > 0)
            return RepairResult.Invalid(errors);
        return await StepAsync(id, version, null, ct, (db, order, _, actor) =>
        {
            if (order.EngineerId != actor.UserId)
                return Task.FromResult(Refuse("", text["NotYourVisit"]));
            if (order.Status != WorkOrderStatus.InProgress)
                return Task.FromResult(NotAllowed(order));
            if (!order.IsPaid)
                return Task.FromResult(Refuse("", text["MaterialsOnlyForPaid"]));
            var material = new WorkOrderMaterial { WorkOrderId = order.Id, Name = clean!, Quantity = count!.Value, UnitPrice = price!.Value, AddedAt = clock.GetUtcNow() };
            db.WorkOrderMaterials.Add(material);
            return Task.FromResult(Entry(Say("Step.Material", clean!, count.Value, price.Value, WorkOrderMaterial.LineAmount(count.Value, price.Value))));
        });
    }

    /// <summary>What the occupant sees in the kiosk view before signing: the work done, and for paid work the materials and the amount.</summary>
    public async Task<(AcceptanceSheet? Sheet, string? Refusal)> AcceptanceSheetAsync(int workOrderId, CancellationToken ct = default)
    {
        var (visit, refusal) = await VisitAsync(workOrderId, ct);
        if (visit is null)
            return (null, refusal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notes = await db.WorkOrders.AsNoTracking().Where(w => w.Id == workOrderId).Select(w => new { w.WorkDone, w.VisitChecks }).SingleAsync(ct);
        var materials = await MaterialsAsync(db, workOrderId, ct);
        return (new AcceptanceSheet(visit, notes.WorkDone, materials, materials.Sum(m => m.Amount), VisitChecklist.Read(notes.VisitChecks)), null);
    }

    private static async Task<IReadOnlyList<MaterialRow>> MaterialsAsync(AppDbContext db, int workOrderId, CancellationToken ct)
    {
        var rows = await db.WorkOrderMaterials.AsNoTracking().Where(m => m.WorkOrderId == workOrderId).OrderBy(m => m.Id).ToListAsync(ct);
        return [.. rows.Select(m => new MaterialRow(m.Name, m.Quantity, m.UnitPrice, WorkOrderMaterial.LineAmount(m.Quantity, m.UnitPrice)))];
    }

    /// <summary>
    /// For paid work, the signed paid service the acceptance creates (P1§7.4): the amount of the materials, signed with
    /// the acceptance and billed on the next payment request. Saved with the step, so an accept pressed twice makes one.
    /// </summary>
    private async Task<StepDone?> AddPaidServiceAsync(AppDbContext db, WorkOrder order, ServiceRequest request, Actor actor, string signature, DateTimeOffset now, CancellationToken ct)
    {
        // Accepted again after a rework: the paid service signed the first time stands, and is not billed twice.
        if (order.PaidServiceId is not null)
            return null;
        var materials = await MaterialsAsync(db, order.Id, ct);
        var amount = materials.Sum(m => m.Amount);
        if (amount <= 0)
            return Refuse("", text["PaidNeedsMaterials"]);
        if (order.UnitId is not { } unitId || request.OccupantId is not { } occupantId)
            return Refuse("", text["PaidNeedsOccupant"]);
        var description = order.WorkDone ?? order.Description;
        var type = Say("PaidServiceType", Word($"Category.{order.Category}"), order.Id);
        order.PaidService = new PaidService
        {
            EstateId = order.EstateId,
            UnitId = unitId,
            OccupantId = occupantId,
            // Kept for the record in the bills' own language; each reader's bill reads the phrase in theirs.
            ServiceType = Cut(Notices.NoticeOutbox.WriteIn(Notices.NoticeOutbox.CultureOf(Notices.NoticeOutbox.DefaultLanguage), () => Said(text, [type])),
                PaidServiceRules.ServiceTypeMax),
            TypePhrase = TimelinePhrases.Write(nameof(Resources.RepairsText), [type]),
            Description = Cut(description, PaidServiceRules.DescriptionMax),
            Price = amount,
            ServiceDate = estateTime.LocalDate(order.EstateId, now),
            StaffName = order.EngineerName ?? actor.Name,
            Signature = signature,
            SignedAt = now,
            WitnessedBy = actor.Name,
            CreatedAt = now,
        };
        return null;

        static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
    }
}

/// <summary>The kiosk view of an acceptance: the visit, what was done, and for paid work the materials and their amount.</summary>
/// <param name="Checks">The checklist items ticked so far (saved as they are tapped).</param>
public sealed record AcceptanceSheet(VisitRow Visit, string? WorkDone, IReadOnlyList<MaterialRow> Materials, decimal Amount, IReadOnlyList<VisitCheck> Checks);
