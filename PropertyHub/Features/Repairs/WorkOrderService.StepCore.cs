using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Reception;

namespace PropertyHub.Features.Repairs;

public sealed partial class WorkOrderService
{
    private Task<RepairResult> EngineerStepAsync(int id, int version, WorkOrderStep step, CancellationToken ct, Func<WorkOrder, ServiceRequest, DateTimeOffset, PhraseLine[]> apply) =>
        StepAsync(id, version, Can.WorkVisits, ct, (_, order, request, actor) =>
        {
            // An engineer works his own visits only: another's is refused, whatever id is sent.
            if (order.EngineerId != actor.UserId)
                return Task.FromResult(Refuse("", text["NotYourVisit"]));
            if (WorkOrderRules.Next(order.Status, step) is not { } next)
                return Task.FromResult(NotAllowed(order));
            order.Status = next;
            return Task.FromResult(Entry(apply(order, request, clock.GetUtcNow())));
        });

    /// <summary>What a step did: the timeline lines (keys and arguments), or why nothing was written.</summary>
    private sealed record StepDone(IReadOnlyList<PhraseLine>? Timeline, RepairResult? Refused, bool Closes = false);

    private static StepDone Entry(params PhraseLine[] lines) => new(lines, null);
    private static StepDone Closing(PhraseLine line) => new([line], null, true);
    private static PhraseLine Say(string key, params object[] args) => new(key, args);
    private static PhraseWord Word(string key) => new(key);
    private static StepDone Refuse(string field, string message) => new(null, RepairResult.Invalid(field, message));
    private static StepDone Failed(RepairResult result) => new(null, result);
    private StepDone NotAllowed(WorkOrder order) => Refuse("", text["StepNotAllowed", text[$"Status.{order.Status}"]]);

    /// <summary>
    /// Loads the order with its request and appointments, checks the action (when given) and the version the user saw,
    /// applies the step and saves it with its timeline entry in one save. A concurrent change wins: nothing is lost.
    /// </summary>
    private async Task<RepairResult> StepAsync(int id, int version, string? action, CancellationToken ct,
        Func<AppDbContext, WorkOrder, ServiceRequest, Actor, Task<StepDone>> apply, Actor? actingAs = null)
    {
        if (action is not null && !await permissions.AllowsAsync(action, ct))
            return RepairResult.Invalid("", permissions.Refusal);
        var actor = actingAs ?? await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.WorkOrders.Include(w => w.Request).Include(w => w.Appointments).SingleOrDefaultAsync(w => w.Id == id, ct);
        if (order is null)
            return RepairResult.NotFound(text["WorkOrderNotFound"]);
        if (order.Version != version)
            return RepairResult.Conflict(text["ChangedMeanwhile"]);
        var request = order.Request!;
        var done = await apply(db, order, request, actor);
        if (done.Refused is { } refused)
            return refused;
        var now = clock.GetUtcNow();
        request.Timeline.Add(Step(actor, now, done.Timeline!));
        db.Entry(request).State = EntityState.Modified;
        db.Entry(order).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RepairResult.Conflict(text["ChangedMeanwhile"]);
        }
        logger.LogInformation("Work order {WorkOrderId} is now {Status}", order.Id, order.Status);
        await PublishAsync(db, request, done.Closes ? WorkQueueEventKind.Closed : WorkQueueEventKind.Changed, now);
        if (db.ChangeTracker.Entries<RepairFollowUp>().FirstOrDefault()?.Entity.Complaint is { } complaint)
            await PublishAsync(db, complaint, WorkQueueEventKind.Created, now);
        return RepairResult.Done(order);
    }
}
