using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Audit;
using PropertyHub.Resources;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Reception;

/// <summary>
/// Logs contacts and carries out the queue's actions. Every change appends to the item's timeline, is checked
/// against the version the user saw, and is announced on the work-queue bus after it is stored.
/// </summary>
public sealed class ReceptionService(
    IDbContextFactory<AppDbContext> dbFactory,
    IntakeValidator validator,
    CurrentActor currentActor,
    Permissions permissions,
    IWorkQueueEvents events,
    TimeProvider clock,
    IStringLocalizer<ReceptionText> text,
    ILogger<ReceptionService> logger)
{
    public async Task<ReceptionSettings> SettingsAsync(AppDbContext db, int estateId, CancellationToken ct = default) =>
        await db.ReceptionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.EstateId == estateId, ct) ?? new ReceptionSettings { EstateId = estateId };

    /// <summary>Logs a contact from the intake page.</summary>
    public async Task<ReceptionResult> LogAsync(Intake intake, CancellationToken ct = default)
    {
        if (await RefusedAsync(Can.LogContacts, ct) is { } refused)
            return refused;
        var now = clock.GetUtcNow();
        // Stored times are UTC, whatever offset the form's picker used: SQLite compares them as ticks.
        intake = IntakeValidator.Normalize(intake) with { AgreedReplyAt = intake.AgreedReplyAt?.ToUniversalTime() };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (errors, warnings) = await validator.CheckAsync(db, intake, now, ct);
        if (errors.Count > 0)
            return ReceptionResult.Invalid(errors);

        var actor = await currentActor.GetAsync();
        // A VIP's items take the shorter deadlines agreed with them (as intake quoted them) and go to their service manager first.
        var settings = await OccupantFile.Vip.VipTerms.SettingsForAsync(db, intake.EstateId, intake.OccupantId, ct);
        var vip = await OccupantFile.Vip.VipTerms.ForAsync(db, intake.OccupantId, ct);
        var deadline = intake.Outcome == IntakeOutcome.AnsweredNow
            ? Deadline.None
            : Deadlines.For(intake.Kind, now, intake.AgreedReplyAt, settings);
        var request = new ServiceRequest
        {
            EstateId = intake.EstateId,
            Kind = intake.Kind,
            Channel = intake.Channel,
            UnitId = intake.UnitId,
            OccupantId = intake.OccupantId,
            CallerName = Clean(intake.CallerName),
            Phone = Clean(intake.Phone),
            Content = intake.Content!,
            IsImportant = intake.IsImportant,
            Department = intake.Outcome == IntakeOutcome.Transferred ? intake.TransferTo : null,
            ForColleague = intake.Outcome == IntakeOutcome.Message ? Clean(intake.ForColleague) : null,
            Remark = Clean(intake.Remark),
            Status = RequestStatus.Open,
            ReceivedAt = now,
            AgreedReplyAt = intake.Kind == RequestKind.Inquiry ? intake.AgreedReplyAt : null,
            DueAt = deadline.DueAt,
            WarnAt = deadline.WarnAt,
            KnowledgeEntryId = intake.KnowledgeEntryId,
            TakenById = actor.UserId,
            TakenByName = actor.Name,
            ServiceManagerId = vip?.ServiceManagerId,
            ServiceManagerName = vip?.ServiceManagerName,
        };
        request.Timeline.Add(Entry(TimelineKind.Created, actor, now));
        switch (intake.Outcome)
        {
            case IntakeOutcome.AnsweredNow:
                request.Timeline.Add(Entry(TimelineKind.Answered, actor, now, Clean(intake.Answer)));
                request.RepliedAt = now;
                request.Status = RequestStatus.Closed;
                request.ClosedAt = now;
                break;
            case IntakeOutcome.Transferred:
                request.Timeline.Add(Entry(TimelineKind.Transferred, actor, now, Clean(intake.Remark), department: intake.TransferTo));
                break;
        }
        // An important item goes to the supervisors at once (P3 4.2.1).
        if (intake.IsImportant && request.Status == RequestStatus.Open)
        {
            request.Level = EscalationLevel.Supervisor;
            request.Timeline.Add(Entry(TimelineKind.Escalated, actor, now, level: EscalationLevel.Supervisor));
        }
        db.ServiceRequests.Add(request);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Logged {Kind} {RequestId} from {Channel} with outcome {Outcome}", request.Kind, request.Id, request.Channel, intake.Outcome);
        await PublishAsync(db, request, request.Status == RequestStatus.Closed ? WorkQueueEventKind.Closed : WorkQueueEventKind.Created, now);
        return ReceptionResult.Done(request, warnings);
    }

    public Task<ReceptionResult> AssignAsync(int id, int version, string assigneeId, string assigneeName, CancellationToken ct = default) =>
        ChangeAsync(id, version, ct, (request, actor, now) =>
        {
            request.AssigneeId = assigneeId;
            request.AssigneeName = assigneeName;
            return Entry(TimelineKind.Assigned, actor, now, assigneeName);
        });

    public Task<ReceptionResult> TransferAsync(int id, int version, Department department, string? remark, CancellationToken ct = default) =>
        ChangeAsync(id, version, ct, (request, actor, now) =>
        {
            request.Department = department;
            request.Remark = Clean(remark) ?? request.Remark;
            return Entry(TimelineKind.Transferred, actor, now, Clean(remark), department: department);
        });

    public async Task<ReceptionResult> AddNoteAsync(int id, int version, string note, CancellationToken ct = default) =>
        await RefusedAsync(Can.WorkQueue, ct) ?? (Clean(note) is not { } clean
            ? ReceptionResult.Invalid([new FieldMessage("Note", text["NoteRequired"])])
            : await ChangeAsync(id, version, ct, (_, actor, now) => Entry(TimelineKind.Note, actor, now, clean)));

    /// <summary>Raises an open item one level by hand (the sweep does it by itself at the warning time and deadline).</summary>
    public Task<ReceptionResult> EscalateAsync(int id, int version, CancellationToken ct = default) =>
        ChangeAsync(id, version, ct, (request, actor, now) =>
        {
            if (request.Level == EscalationLevel.Manager)
                return null;
            request.Level = NextLevel(request);
            return Entry(TimelineKind.Escalated, actor, now, level: request.Level);
        }, WorkQueueEventKind.Escalated);

    /// <summary>One level up: a VIP's item goes to their service manager first, then the supervisors, then the manager.</summary>
    public static EscalationLevel NextLevel(ServiceRequest request) => request.Level switch
    {
        EscalationLevel.None when request.ServiceManagerId is not null => EscalationLevel.ServiceManager,
        EscalationLevel.None or EscalationLevel.ServiceManager => EscalationLevel.Supervisor,
        _ => EscalationLevel.Manager,
    };

    /// <summary>Records the reply to the occupant and closes the item; a reply after the deadline is recorded as late.</summary>
    public async Task<ReceptionResult> ReplyAsync(int id, int version, string reply, Channel channel, CancellationToken ct = default)
    {
        if (await RefusedAsync(Can.WorkQueue, ct) is { } refused)
            return refused;
        var clean = Clean(reply);
        if (clean is null)
            return ReceptionResult.Invalid([new FieldMessage("Reply", text["ReplyRequired"])]);
        if (clean.Length > ServiceRequest.MaxContentLength)
            return ReceptionResult.Invalid([new FieldMessage("Reply", text["ContentTooLong", ServiceRequest.MaxContentLength])]);
        if (await WorkOrderOpenAsync(id, ct) is { } repair)
            return repair;
        return await ChangeAsync(id, version, ct, (request, actor, now) =>
        {
            // At the deadline itself the sweep has already marked the item overdue: a reply then is late too.
            var late = request.DueAt is { } due && now >= due;
            request.RepliedAt ??= now;
            request.RepliedLate |= late;
            request.Status = RequestStatus.Closed;
            request.ClosedAt = now;
            return Entry(TimelineKind.Replied, actor, now, clean, channel: channel, late: late);
        }, WorkQueueEventKind.Closed);
    }

    /// <summary>
    /// Closes an item without a reply (a reply closes it through <see cref="ReplyAsync"/>): only with a reason from the
    /// list, and "other" only with the remark that says what it is. Closing a closed item again changes nothing.
    /// </summary>
    public async Task<ReceptionResult> CloseAsync(int id, int version, CloseReason? reason, string? remark, CancellationToken ct = default)
    {
        if (await RefusedAsync(Can.WorkQueue, ct) is { } refused)
            return refused;
        if (reason is not { } why || !Enum.IsDefined(why))
            return ReceptionResult.Invalid([new FieldMessage("CloseReason", text["CloseReasonRequired"])]);
        if (why == CloseReason.Other && Clean(remark) is null)
            return ReceptionResult.Invalid([new FieldMessage("CloseRemark", text["CloseRemarkRequired"])]);
        if (Clean(remark)?.Length > 1000)
            return ReceptionResult.Invalid([new FieldMessage("CloseRemark", text["ContentTooLong", 1000])]);
        if (await WorkOrderOpenAsync(id, ct) is { } repair)
            return repair;
        return await ChangeAsync(id, version, ct, (request, actor, now) =>
        {
            if (request.Status == RequestStatus.Closed)
                return null;
            request.Status = RequestStatus.Closed;
            request.ClosedAt = now;
            request.CloseReason = why;
            var entry = Entry(TimelineKind.Closed, actor, now, Clean(remark));
            entry.CloseReason = why;
            return entry;
        }, WorkQueueEventKind.Closed);
    }

    /// <summary>Opens a closed item again; its deadline and any overdue mark stay as they were.</summary>
    public Task<ReceptionResult> ReopenAsync(int id, int version, string? reason, CancellationToken ct = default) =>
        ChangeAsync(id, version, ct, (request, actor, now) =>
        {
            if (request.Status == RequestStatus.Open)
                return null;
            request.Status = RequestStatus.Open;
            request.ClosedAt = null;
            request.CloseReason = null;
            return Entry(TimelineKind.Reopened, actor, now, Clean(reason));
        });

    public async Task<ServiceRequest?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Load(db, id).AsNoTracking().SingleOrDefaultAsync(ct);
    }

    private static IQueryable<ServiceRequest> Load(AppDbContext db, int id) =>
        db.ServiceRequests.Include(r => r.Unit).ThenInclude(u => u!.Building).Include(r => r.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id)).Where(r => r.Id == id);

    /// <summary>
    /// Loads the item, checks the version the user saw, applies the change (which returns the timeline entry to
    /// append, or null for "nothing to do") and saves. A concurrent change wins over this one: nothing is lost.
    /// </summary>
    private async Task<ReceptionResult> ChangeAsync(int id, int version, CancellationToken ct,
        Func<ServiceRequest, Actor, DateTimeOffset, TimelineEntry?> change, WorkQueueEventKind eventKind = WorkQueueEventKind.Changed)
    {
        // Every queue action: assign, transfer, note, escalate, reply, close, reopen.
        if (await RefusedAsync(Can.WorkQueue, ct) is { } refused)
            return refused;
        var now = clock.GetUtcNow();
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.ServiceRequests.Include(r => r.Unit).ThenInclude(u => u!.Building).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
            return ReceptionResult.NotFound(text["RequestNotFound"]);
        if (request.Version != version)
            return ReceptionResult.Conflict(await FreshAsync(id, ct), text["ChangedMeanwhile"]);
        db.Entry(request).Property(r => r.Version).OriginalValue = version;
        var entry = change(request, actor, now);
        if (entry is null)
            return ReceptionResult.Done((await FreshAsync(id, ct))!);
        entry.ServiceRequestId = request.Id;
        db.TimelineEntries.Add(entry);
        db.Entry(request).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReceptionResult.Conflict(await FreshAsync(id, ct), text["ChangedMeanwhile"]);
        }
        await PublishAsync(db, request, eventKind, now);
        return ReceptionResult.Done((await FreshAsync(id, ct))!);
    }

    /// <summary>
    /// A repair request whose work order is under way closes with the work order (after its follow-up call, P1§5.5),
    /// never from the queue.
    /// </summary>
    private async Task<ReceptionResult?> WorkOrderOpenAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.WorkOrders.AnyAsync(w => w.ServiceRequestId == id
            && w.Status != Repairs.WorkOrderStatus.Closed && w.Status != Repairs.WorkOrderStatus.Cancelled, ct);
        return open ? ReceptionResult.Invalid([new FieldMessage("", text["RepairClosesWithWorkOrder"])]) : null;
    }

    private async Task<ReceptionResult?> RefusedAsync(string action, CancellationToken ct) =>
        await permissions.AllowsAsync(action, ct) ? null : ReceptionResult.Invalid([new FieldMessage("", permissions.Refusal)]);

    private async Task<ServiceRequest?> FreshAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Load(db, id).AsNoTracking().SingleOrDefaultAsync(ct);
    }

    private async Task PublishAsync(AppDbContext db, ServiceRequest request, WorkQueueEventKind kind, DateTimeOffset now)
    {
        var unit = request.Unit ?? (request.UnitId is { } unitId ? await db.Units.Include(u => u.Building).AsNoTracking().SingleAsync(u => u.Id == unitId) : null);
        await events.PublishAsync(ToEvent(request, unit, kind, now));
    }

    public static WorkQueueEvent ToEvent(ServiceRequest request, Registry.Unit? unit, WorkQueueEventKind kind, DateTimeOffset now) =>
        new(kind, request.Id, request.EstateId, request.Kind, unit is null ? null : $"{unit.Building?.Code}-{unit.Number}",
            request.Level, request.Department, request.DueAt, now);

    internal static TimelineEntry Entry(TimelineKind kind, Actor actor, DateTimeOffset at, string? text = null,
        Department? department = null, EscalationLevel? level = null, Channel? channel = null, bool late = false) =>
        new()
        {
            Kind = kind, At = at, ActorId = actor.UserId, ActorName = actor.Name, Text = text,
            Department = department, Level = level, Channel = channel, Late = late,
        };

    /// <summary>Free text as stored: without zero-width or bidirectional control characters, trimmed, null when empty.</summary>
    private static string? Clean(string? value) => Registry.TypedText.Text(value);
}
