using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Notices;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Resources;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Fees.Collection;

/// <summary>
/// What the collector records at the door (P1§7.3): paid on the spot (the payment and its receipt go through
/// <see cref="PaymentService"/>), a promise to pay by a date, a refusal, or nobody at home; and reminders by notice.
/// </summary>
public sealed class CollectionVisits(
    IDbContextFactory<AppDbContext> dbFactory,
    PaymentService payments,
    CurrentActor actor,
    Permissions permissions,
    EstateTime estateTime,
    TimeProvider clock,
    IStringLocalizer<CollectionText> text)
{
    public const string ReminderKind = "payment-reminder";
    public const int NoteMaxLength = 500;
    private const int Attempts = 5;

    public static string ReminderSource(int requestId, DateOnly day) =>
        $"reminder:{requestId}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>Today in the estate's time zone.</summary>
    public DateOnly Today(int estateId) => estateTime.Today(estateId);

    public async Task<CollectionResult> RecordAsync(VisitInput input, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.Collect, ct) && !await permissions.AllowsAsync(Can.RecordVisitsForOthers, ct))
            return CollectionResult.Fail("", "NotAllowed");
        var note = Registry.TypedText.Text(input.Note);
        var errors = Validate(input, note);
        if (errors.Count > 0)
            return new CollectionResult(errors);

        await using (var lookup = await dbFactory.CreateDbContextAsync(ct))
        {
            var task = await lookup.CollectionTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == input.TaskId, ct);
            if (task is null)
                return CollectionResult.Fail("", "TaskNotFound");
            // Is this task yours? A task assigned to someone else takes visits only from Finance and the manager.
            if (task.AssignedToId is { } assignee && assignee != (await actor.GetAsync()).UserId
                && !await permissions.AllowsAsync(Can.RecordVisitsForOthers, ct))
                return CollectionResult.Fail("", "NotYourTask");
            if (task.Version != input.Version)
                return CollectionResult.Fail("", "ConcurrencyConflict");
            if (task.Status == CollectionStatus.Paid)
                return CollectionResult.Fail("", "TaskClosed");
            // A promise is for today or later on the task's estate's calendar.
            if (input.Outcome == VisitOutcome.Promised && input.PromisedDate < Today(task.EstateId))
                return CollectionResult.Fail(nameof(input.PromisedDate), "PromisedDatePast");
            if (input.Outcome == VisitOutcome.PaidOnSpot)
                return await PaidOnSpotAsync(input, task, note, ct);
        }

        var who = (await actor.GetAsync()).Name;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tracked = await db.CollectionTasks.SingleAsync(t => t.Id == input.TaskId, ct);
        db.Entry(tracked).Property(t => t.Version).OriginalValue = input.Version;
        tracked.Visits.Add(NewVisit(input, note, who, paymentId: null));
        // Every visit is a change to the task (its last visit): the version moves on, so a stale screen is refused.
        db.Entry(tracked).Property(t => t.Status).IsModified = true;
        switch (input.Outcome)
        {
            case VisitOutcome.Promised:
                tracked.Status = CollectionStatus.Promised;
                tracked.PromisedDate = input.PromisedDate;
                break;
            case VisitOutcome.Refused:
                tracked.Status = CollectionStatus.Refused;
                break;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CollectionResult.Fail("", "ConcurrencyConflict");
        }
        return CollectionResult.Done();
    }

    /// <summary>Queues today's reminder for the task's request to its payer; a second one the same day is refused by the outbox.</summary>
    public async Task<ReminderOutcome> SendReminderAsync(int taskId, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.Collect, ct))
            return ReminderOutcome.NotAllowed;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await (
            from t in db.CollectionTasks
            where t.Id == taskId
            join r in db.PaymentRequests on t.PaymentRequestId equals r.Id
            join o in db.Occupants on r.OccupantId equals o.Id
            join u in db.Units on t.UnitId equals u.Id
            join b in db.Buildings on t.BuildingId equals b.Id
            select new { Request = r, Payer = o, Unit = b.Code + "-" + u.Number }).AsNoTracking().SingleOrDefaultAsync(ct);
        if (found is null)
            return ReminderOutcome.NotFound;
        var request = found.Request;
        var outstanding = (request.Total - request.Paid).ToString("0.00", CultureInfo.InvariantCulture);
        var month = request.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var due = request.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        NoticeOutbox.AddForOccupant(db, found.Payer, new NoticePlace(request.EstateId, request.BuildingId), ReminderKind,
            ReminderSource(request.Id, Today(request.EstateId)),
            culture => NoticeOutbox.WriteIn(culture, () => new NoticeText(
                text["Reminder_Subject", found.Unit, month],
                text["Reminder_Body", found.Payer.Name, found.Unit, month, due, outstanding])),
            clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return ReminderOutcome.AlreadySentToday;
        }
        return ReminderOutcome.Queued;
    }

    private Dictionary<string, string> Validate(VisitInput input, string? note)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(input.Outcome))
            errors[nameof(input.Outcome)] = "OutcomeInvalid";
        if (note?.Length > NoteMaxLength)
            errors[nameof(input.Note)] = "NoteTooLong";
        if (input.Outcome == VisitOutcome.Refused && note is null)
            errors[nameof(input.Note)] = "NoteRequired";
        if (input.Outcome == VisitOutcome.Promised)
        {
            if (input.PromisedDate is null)
                errors[nameof(input.PromisedDate)] = "PromisedDateRequired";
        }
        return errors;
    }

    /// <summary>
    /// Takes the payment (with its receipt), then records the visit with it and closes every task of the unit whose
    /// request is now paid in full (payments go to the oldest request first). The payment is its own transaction in
    /// <see cref="PaymentService"/>; once the money is taken the visit is saved whatever else changed on the task.
    /// </summary>
    private async Task<CollectionResult> PaidOnSpotAsync(VisitInput input, CollectionTask task, string? note, CancellationToken ct)
    {
        int payerId;
        await using (var lookup = await dbFactory.CreateDbContextAsync(ct))
        {
            payerId = await lookup.PaymentRequests.Where(r => r.Id == task.PaymentRequestId).Select(r => r.OccupantId).SingleAsync(ct);
        }
        var paid = await payments.RecordAsync(new PaymentInput
        {
            UnitId = task.UnitId, OccupantId = payerId, Amount = input.Amount, Method = input.Method, Reference = input.Reference,
        }, ct);
        if (!paid.Ok)
            return new CollectionResult(paid.Errors);
        var who = (await actor.GetAsync()).Name;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var visited = await db.CollectionTasks.SingleAsync(t => t.Id == task.Id, ct);
            visited.Visits.Add(NewVisit(input, note, who, paid.PaymentId));
            db.Entry(visited).Property(t => t.Status).IsModified = true;
            var open = await db.CollectionTasks.Where(t => t.UnitId == task.UnitId && t.Status != CollectionStatus.Paid).ToListAsync(ct);
            var requestIds = open.Select(t => t.PaymentRequestId).ToList();
            var requests = await db.PaymentRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            foreach (var other in open.Where(t => requests[t.PaymentRequestId].Outstanding <= 0))
                other.Status = CollectionStatus.Paid;
            try
            {
                await db.SaveChangesAsync(ct);
                return new CollectionResult(new Dictionary<string, string>(), 1, paid.PaymentId, paid.ReceiptNumber,
                    visited.Status == CollectionStatus.Paid);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
            }
        }
    }

    private CollectionVisit NewVisit(VisitInput input, string? note, string who, int? paymentId) => new()
    {
        VisitedAt = clock.GetUtcNow(),
        VisitedBy = who,
        Outcome = input.Outcome,
        PromisedDate = input.Outcome == VisitOutcome.Promised ? input.PromisedDate : null,
        Note = note,
        PaymentId = paymentId,
    };
}
