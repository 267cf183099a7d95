using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Reception;

namespace PropertyHub.Features.Repairs;

public sealed partial class WorkOrderService
{
    /// <summary>
    /// The occupant's acceptance, signed on the engineer's phone in the kiosk view (P4 六): satisfied completes the repair
    /// and starts the follow-up countdown; not satisfied (a remark says why) sends it back for rework, to be scheduled
    /// again. An acceptance without a signature is refused. For paid work the signature signs the materials' amount too
    /// and creates the signed paid service, once.
    /// </summary>
    public async Task<RepairResult> RecordAcceptanceAsync(int id, int version, bool satisfied, string? remark, string? signature, CancellationToken ct = default)
    {
        if (CheckAcceptance(satisfied, remark, signature) is { } wrong)
            return await permissions.AllowsAsync(Can.WorkVisits, ct) ? wrong : RepairResult.Invalid("", permissions.Refusal);
        return await StepAsync(id, version, Can.WorkVisits, ct, (db, order, request, actor) =>
            order.EngineerId != actor.UserId
                ? Task.FromResult(Refuse("", text["NotYourVisit"]))
                : AcceptAsync(db, order, request, actor, satisfied, Registry.TypedText.Text(remark), signature, ct));
    }

    /// <summary>The remark (required when not satisfied) and the signature (required when satisfied), or null when both do.</summary>
    private RepairResult? CheckAcceptance(bool satisfied, string? remark, string? signature)
    {
        var clean = Registry.TypedText.Text(remark);
        if (!satisfied && clean is null)
            return RepairResult.Invalid("Remark", text["RemarkRequired"]);
        if (clean?.Length > RepairFollowUp.MaxRemark)
            return RepairResult.Invalid("Remark", text["TooLong", RepairFollowUp.MaxRemark]);
        if (satisfied && Fees.PaidServices.PaidServiceRules.Signature(signature) is { } wrong)
            return RepairResult.Invalid("Signature", text[$"Signature.{wrong}"]);
        return null;
    }

    /// <summary>The acceptance's step, the same on the engineer's phone and through the occupant's link.</summary>
    private async Task<StepDone> AcceptAsync(AppDbContext db, WorkOrder order, ServiceRequest request, Actor actor, bool satisfied, string? clean, string? signature, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!satisfied)
            return await ReworkAsync(db, order, request, WorkOrderStep.Reject, Say("Step.NotAccepted", clean!), ct);
        if (WorkOrderRules.Next(order.Status, WorkOrderStep.Accept) is not { } next)
            return NotAllowed(order);
        var path = signature!.Trim();
        if (order.IsPaid && await AddPaidServiceAsync(db, order, request, actor, path, now, ct) is { } refused)
            return refused;
        var settings = await SettingsAsync(db, order.EstateId, ct);
        order.Status = next;
        order.AcceptedAt = now;
        order.AcceptanceSignature = path;
        request.DueAt = now.AddDays(settings.FollowUpDays);
        request.WarnAt = request.DueAt.Value.AddHours(-settings.FollowUpWarnHours);
        var line = clean is null ? Say("Step.Accepted") : Say("Step.AcceptedWithRemark", clean);
        return order.PaidService is { } paid
            ? Entry(line, Say("Step.PaidSigned", paid.Price.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))
            : Entry(line);
    }
}
