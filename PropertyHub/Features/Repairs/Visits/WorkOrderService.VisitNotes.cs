using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Repairs.Visits;

namespace PropertyHub.Features.Repairs;

public sealed partial class WorkOrderService
{
    /// <summary>
    /// Saves the P4 checklist items the engineer has ticked so far, as he taps them: a phone that locks or reloads shows
    /// them again. One statement, no step on the timeline and no new version (the hand-over still uses the version he saw);
    /// the last tap wins. Only his own visit in progress.
    /// </summary>
    public async Task<RepairResult> SaveChecksAsync(int id, IReadOnlyCollection<VisitCheck> checks, CancellationToken ct = default)
    {
        if (checks.Any(c => !Enum.IsDefined(c)))
            return RepairResult.Invalid("Checks", text["ChoiceUnknown"]);
        var value = VisitChecklist.Write(checks);
        return await SaveVisitNoteAsync(id, ct, q => q.ExecuteUpdateAsync(s => s.SetProperty(w => w.VisitChecks, value), ct));
    }

    /// <summary>Saves the "work done" text as the engineer types it (the page sends it after a pause and on leaving the field).</summary>
    public async Task<RepairResult> SaveWorkDoneAsync(int id, string? workDone, CancellationToken ct = default)
    {
        var clean = Registry.TypedText.Text(workDone);
        if (clean?.Length > WorkOrder.MaxDescription)
            return RepairResult.Invalid("WorkDone", text["TooLong", WorkOrder.MaxDescription]);
        return await SaveVisitNoteAsync(id, ct, q => q.ExecuteUpdateAsync(s => s.SetProperty(w => w.WorkDone, clean), ct));
    }

    private async Task<RepairResult> SaveVisitNoteAsync(int id, CancellationToken ct, Func<IQueryable<WorkOrder>, Task<int>> write)
    {
        if (!await permissions.AllowsAsync(Can.WorkVisits, ct))
            return RepairResult.Invalid("", permissions.Refusal);
        var me = (await currentActor.GetAsync()).UserId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One conditional UPDATE: run again by the retrying strategy, it writes the same values.
        var written = await write(db.WorkOrders.Where(w => w.Id == id && w.EngineerId == me && w.Status == WorkOrderStatus.InProgress));
        if (written == 1)
            return RepairResult.Saved();
        var order = await db.WorkOrders.AsNoTracking().Where(w => w.Id == id).Select(w => new { w.EngineerId, w.Status }).SingleOrDefaultAsync(ct);
        if (order is null)
            return RepairResult.NotFound(text["WorkOrderNotFound"]);
        if (order.EngineerId != me)
            return RepairResult.Invalid("", text["NotYourVisit"]);
        return RepairResult.Invalid("", text["StepNotAllowed", text[$"Status.{order.Status}"]]);
    }
}
