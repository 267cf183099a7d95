using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Settings;
using PropertyHub.Resources;

namespace PropertyHub.Features.Repairs;

/// <summary>
/// Work orders (SPEC §3): created from a repair request or raised by staff, then moved through <see cref="WorkOrderRules"/>.
/// Each step is saved together with its timeline entry and the request's new deadline, checked against the version the
/// user saw, and announced on the work-queue bus after it is stored.
/// </summary>
public sealed partial class WorkOrderService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentActor currentActor,
    Permissions permissions,
    IWorkQueueEvents events,
    AppointmentNotices notices,
    EstateTime estateTime,
    TimeProvider clock,
    IStringLocalizer<RepairsText> text,
    ILogger<WorkOrderService> logger)
{
    public static async Task<RepairSettings> SettingsAsync(AppDbContext db, int estateId, CancellationToken ct) =>
        await db.RepairSettings.AsNoTracking().SingleOrDefaultAsync(s => s.EstateId == estateId, ct) ?? new RepairSettings { EstateId = estateId };

    /// <summary>Creates the work order of a repair request, or (without a request) raises one with a request of its own.</summary>
    public async Task<RepairResult> CreateAsync(WorkOrderDraft draft, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.RaiseWorkOrders, ct))
            return RepairResult.Invalid("", permissions.Refusal);
        var now = clock.GetUtcNow();
        var actor = await currentActor.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        ServiceRequest? request = null;
        if (draft.RequestId is { } requestId)
        {
            request = await db.ServiceRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct);
            if (request is null)
                return RepairResult.NotFound(text["RequestNotFound"]);
            if (request.Kind != RequestKind.Repair || request.Status != RequestStatus.Open)
                return RepairResult.Invalid("", text["RequestNotOpenRepair"]);
            if (await db.WorkOrders.AnyAsync(w => w.ServiceRequestId == requestId, ct))
                return RepairResult.Invalid("", text["AlreadyHasWorkOrder"]);
            draft = draft with { EstateId = request.EstateId, Kind = WorkOrderKind.Repair, UnitId = draft.UnitId ?? request.UnitId };
        }
        if (draft.UnitId is null && Registry.TypedText.Text(draft.UnitAddress) is { } address && address.LastIndexOf('-') is > 0 and var dash)
        {
            var (code, number) = (address[..dash].Trim(), address[(dash + 1)..].Trim());
            draft = draft with { UnitId = await db.Units.Where(u => u.Building!.EstateId == draft.EstateId && u.Building.Code == code && u.Number == number).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct) };
        }
        var (errors, clean) = await CheckDraftAsync(db, draft, ct);
        if (errors.Count > 0)
            return RepairResult.Invalid(errors);

        var reception = await db.ReceptionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.EstateId == clean.EstateId, ct) ?? new ReceptionSettings { EstateId = clean.EstateId };
        var settings = await SettingsAsync(db, clean.EstateId, ct);
        if (request is null)
        {
            // Staff raise it: a request of its own carries the timeline and the deadline, like a call would.
            var deadline = Deadlines.For(RequestKind.Repair, now, null, reception);
            request = new ServiceRequest
            {
                EstateId = clean.EstateId,
                Kind = RequestKind.Repair,
                Channel = Channel.Visit,
                UnitId = clean.UnitId,
                Content = clean.Description!,
                Status = RequestStatus.Open,
                ReceivedAt = now,
                DueAt = deadline.DueAt,
                WarnAt = deadline.WarnAt,
                TakenById = actor.UserId,
                TakenByName = actor.Name,
            };
            request.Timeline.Add(ReceptionService.Entry(TimelineKind.Created, actor, now));
            db.ServiceRequests.Add(request);
        }
        if (clean.Urgency == RepairUrgency.Emergency)
        {
            // Counted from now: a deadline is never set in the past.
            var due = now.AddMinutes(settings.EmergencyScheduleMinutes);
            if (request.DueAt is null || due < request.DueAt)
            {
                request.DueAt = due;
                request.WarnAt = due.AddMinutes(-settings.EmergencyWarnMinutes);
            }
        }
        var order = new WorkOrder
        {
            EstateId = clean.EstateId,
            Kind = clean.Kind,
            Location = clean.Location,
            UnitId = clean.Location == RepairLocation.InUnit ? clean.UnitId : null,
            BuildingId = clean.Location == RepairLocation.CommonArea ? clean.BuildingId : null,
            Place = clean.Location == RepairLocation.CommonArea ? clean.Place : null,
            Category = clean.Category!.Value,
            Urgency = clean.Urgency,
            IsPaid = clean.IsPaid,
            Description = clean.Description!,
            Status = WorkOrderStatus.ToSchedule,
            CreatedAt = now,
            CreatedByName = actor.Name,
        };
        // Tracked (or new) request: the entry and the order are saved with it in one go, the keys fixed up by EF.
        request.Timeline.Add(Step(actor, now, [Say("Step.Created", Word($"Category.{order.Category}"), Word($"Urgency.{order.Urgency}"))]));
        order.Request = request;
        foreach (var photo in clean.Photos)
            AddPhoto(db, order, PhotoStage.Raised, photo, actor.Name, now);
        db.WorkOrders.Add(order);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RepairResult.Conflict(text["ChangedMeanwhile"]);
        }
        catch (DbUpdateException) when (draft.RequestId is not null)
        {
            // The unique key on the request stopped a second work order created at the same time.
            if (await HasOrderAsync(draft.RequestId.Value, ct))
                return RepairResult.Invalid("", text["AlreadyHasWorkOrder"]);
            throw;
        }
        logger.LogInformation("Work order {WorkOrderId} created for request {RequestId}", order.Id, request.Id);
        await PublishAsync(db, request, draft.RequestId is null ? WorkQueueEventKind.Created : WorkQueueEventKind.Changed, now);
        return RepairResult.Done(order);
    }

    private async Task<(List<FieldMessage> Errors, WorkOrderDraft Clean)> CheckDraftAsync(AppDbContext db, WorkOrderDraft draft, CancellationToken ct)
    {
        var clean = draft with { Description = Registry.TypedText.Text(draft.Description), Place = Registry.TypedText.Text(draft.Place) };
        var errors = new List<FieldMessage>();
        if (!await db.Estates.AnyAsync(e => e.Id == clean.EstateId, ct))
            errors.Add(new FieldMessage("Estate", text["EstateRequired"]));
        if (!Enum.IsDefined(clean.Kind) || !Enum.IsDefined(clean.Location) || !Enum.IsDefined(clean.Urgency))
            errors.Add(new FieldMessage("", text["ChoiceUnknown"]));
        if (clean.Category is not { } category || !Enum.IsDefined(category))
            errors.Add(new FieldMessage("Category", text["CategoryRequired"]));
        if (clean.Description is null)
            errors.Add(new FieldMessage("Description", text["DescriptionRequired"]));
        else if (clean.Description.Length > WorkOrder.MaxDescription)
            errors.Add(new FieldMessage("Description", text["TooLong", WorkOrder.MaxDescription]));
        if (clean.Location == RepairLocation.InUnit)
        {
            if (clean.UnitId is not { } unitId || !await db.Units.AnyAsync(u => u.Id == unitId && u.Building!.EstateId == clean.EstateId, ct))
                errors.Add(new FieldMessage("Unit", text["UnitRequired"]));
        }
        else
        {
            if (clean.Place is null)
                errors.Add(new FieldMessage("Place", text["PlaceRequired"]));
            else if (clean.Place.Length > WorkOrder.MaxPlace)
                errors.Add(new FieldMessage("Place", text["TooLong", WorkOrder.MaxPlace]));
            if (clean.BuildingId is { } buildingId && !await db.Buildings.AnyAsync(b => b.Id == buildingId && b.EstateId == clean.EstateId, ct))
                errors.Add(new FieldMessage("Building", text["BuildingUnknown"]));
            // Common parts are the management's own: never billed to an occupant.
            if (clean.IsPaid)
                errors.Add(new FieldMessage("IsPaid", text["PaidOnlyInUnit"]));
        }
        if (clean.Photos.Any(p => !Files.FileKinds.Pictures.Contains(p.Kind)))
            errors.Add(new FieldMessage("Photo", text["PhotoNotPicture"]));
        else if (clean.Photos.Count > MaxPhotosPerStage)
            errors.Add(new FieldMessage("Photo", text["TooManyPhotos", MaxPhotosPerStage]));
        return (errors, clean);
    }

    private async Task<bool> HasOrderAsync(int requestId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkOrders.AnyAsync(w => w.ServiceRequestId == requestId, ct);
    }

    private bool WithinVisitingHours(int estateId, DateTimeOffset start, DateTimeOffset end, RepairSettings settings)
    {
        var from = estateTime.ToLocal(estateId, start);
        var to = estateTime.ToLocal(estateId, end);
        var dayStart = from.Date.AddHours(settings.VisitFromHour);
        var dayEnd = from.Date.AddHours(settings.VisitToHour);
        return from.DateTime >= dayStart && to.DateTime <= dayEnd;
    }

    /// <summary>The window as the estate reads it: "10-16 09:00–11:00".</summary>
    private string Local(int estateId, DateTimeOffset start, DateTimeOffset end) =>
        $"{estateTime.ToLocal(estateId, start):MM-dd HH:mm}–{estateTime.ToLocal(estateId, end):HH:mm}";

    /// <summary>A work-order step on the timeline: the text in the writer's language, and the phrase each reader sees in theirs.</summary>
    private TimelineEntry Step(Actor actor, DateTimeOffset now, IReadOnlyList<PhraseLine> lines) =>
        Phrased(ReceptionService.Entry(TimelineKind.WorkOrder, actor, now, Said(text, lines)), lines);

    internal static TimelineEntry Phrased(TimelineEntry entry, IReadOnlyList<PhraseLine> lines)
    {
        entry.Phrase = TimelinePhrases.Write(nameof(RepairsText), lines);
        return entry;
    }

    /// <summary>The lines in the current language, as the stored text.</summary>
    internal static string Said(IStringLocalizer<RepairsText> text, IEnumerable<PhraseLine> lines) =>
        string.Join("\n", lines.Select(line => text[line.Key, [.. line.Args.Select(a => a switch
        {
            PhraseWord word => text[word.Key].Value,
            PhraseWords words => string.Join(", ", words.Keys.Select(k => text[k].Value)),
            _ => a,
        })]].Value));

    private async Task PublishAsync(AppDbContext db, ServiceRequest request, WorkQueueEventKind kind, DateTimeOffset now)
    {
        try
        {
            var unit = request.UnitId is { } unitId ? await db.Units.Include(u => u.Building).AsNoTracking().SingleAsync(u => u.Id == unitId) : null;
            await events.PublishAsync(ReceptionService.ToEvent(request, unit, kind, now));
        }
        catch (Exception ex)
        {
            // The step is stored; the event is only a hint to live pages, which re-read the database.
            logger.LogWarning(ex, "Work order step on request {RequestId} saved but not announced", request.Id);
        }
    }
}
