using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;
using PropertyHub.Resources;

namespace PropertyHub.Features.OccupantFile.Vip;

/// <summary>
/// VIP service (P1§12): the manager's profile of each VIP, the list by review date, and what the desk is shown. The
/// profile is the truth: an occupant is VIP while they have a profile not ended, and the occupant's VIP flag (which the
/// registry's pages and search read) is kept in step with it here, in the same transaction — nothing else writes it.
/// </summary>
public sealed class VipService(
    IDbContextFactory<AppDbContext> dbFactory,
    Permissions permissions,
    CurrentActor currentActor,
    IWorkQueueEvents events,
    EstateTime estateTime,
    TimeProvider clock,
    IStringLocalizer<OccupantFileText> text,
    IStringLocalizer<SharedText> sharedText,
    ILogger<VipService> logger)
{
    private static readonly string[] ServingRoles = [.. AccessTable.Rule(Can.ServeVips).Roles];

    /// <summary>The occupant's profile to edit (a new one when they have none), or null when there is no such occupant.</summary>
    public async Task<VipForm?> GetFormAsync(int occupantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var estateId = await db.Occupants.Where(o => o.Id == occupantId).Select(o => (int?)o.Unit!.Building!.EstateId).FirstOrDefaultAsync(ct);
        if (estateId is null)
            return null;
        var row = await db.VipProfiles.AsNoTracking().Where(v => v.OccupantId == occupantId).Select(v => new
        {
            Form = new VipForm
            {
                OccupantId = v.OccupantId, Reason = v.Reason, ServiceManagerId = v.ServiceManagerId, ComplaintReplyHours = v.ComplaintReplyHours,
                RepairScheduleHours = v.RepairScheduleHours, CallBackMinutes = v.CallBackMinutes, ContactTimes = v.ContactTimes,
                ContactChannel = v.ContactChannel, Notes = v.Notes, ReviewOn = v.ReviewOn, Version = v.Version,
            },
            v.EndedAt,
        }).FirstOrDefaultAsync(ct);
        if (row is null)
            return new VipForm { OccupantId = occupantId };
        if (row.EndedAt is { } ended)
            row.Form.EndedOn = DateOnly.FromDateTime(estateTime.ToLocal(estateId.Value, ended).DateTime);
        return row.Form;
    }

    /// <summary>The deadlines of the occupant's estate, the longest a VIP's may be.</summary>
    public async Task<EstateDeadlines?> EstateDeadlinesAsync(int occupantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var estateId = await db.Occupants.Where(o => o.Id == occupantId).Select(o => (int?)o.Unit!.Building!.EstateId).FirstOrDefaultAsync(ct);
        return estateId is { } id ? Of(await SettingsAsync(db, id, ct)) : null;
    }

    /// <summary>
    /// Saves the profile, marks the occupant VIP and has their open items follow (badge, service manager, shorter
    /// deadlines). Refused: no reason, a service manager who is not an active staff user whose role may serve VIPs
    /// (<see cref="Can.ServeVips"/>), a deadline longer than the estate's, no review date or one already past, text too long,
    /// an ended service saved without choosing to start it again.
    /// </summary>
    public async Task<SaveResult<VipForm>> SaveAsync(VipForm form, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.ManageVip, ct))
            return Fail(SaveOutcome.Denied, sharedText["AccessDenied"]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var occupant = await db.Occupants.Include(o => o.Unit!).ThenInclude(u => u.Building).FirstOrDefaultAsync(o => o.Id == form.OccupantId, ct);
        if (occupant is null)
            return Fail(SaveOutcome.NotFound, sharedText["NotFound"]);
        var estateId = occupant.Unit!.Building!.EstateId;
        var limits = Of(await SettingsAsync(db, estateId, ct));
        var errors = new List<FieldError>();
        var reason = Text(form.Reason, nameof(VipForm.Reason), VipProfile.ReasonLength, errors);
        if (reason is null && errors.Count == 0)
            errors.Add(new(nameof(VipForm.Reason), text["VipReasonRequired"]));
        var manager = string.IsNullOrEmpty(form.ServiceManagerId) ? null : await ServiceManagersIn(db, form.ServiceManagerId).FirstOrDefaultAsync(ct);
        if (manager is null)
            errors.Add(new(nameof(VipForm.ServiceManagerId), await ManagerRefusalAsync(db, form.ServiceManagerId, ct)));
        Shorter(form.ComplaintReplyHours, limits.ComplaintReplyHours, nameof(VipForm.ComplaintReplyHours), "VipHoursLonger", errors);
        Shorter(form.RepairScheduleHours, limits.RepairScheduleHours, nameof(VipForm.RepairScheduleHours), "VipHoursLonger", errors);
        Shorter(form.CallBackMinutes, limits.CallBackMinutes, nameof(VipForm.CallBackMinutes), "VipMinutesLonger", errors);
        var contactTimes = Text(form.ContactTimes, nameof(VipForm.ContactTimes), VipProfile.ContactTimesLength, errors);
        var notes = Text(form.Notes, nameof(VipForm.Notes), VipProfile.NotesLength, errors);
        if (form.ContactChannel is { } channel && !Enum.IsDefined(channel))
            errors.Add(new(nameof(VipForm.ContactChannel), text["VipChannelUnknown"]));
        var today = estateTime.Today(estateId);
        if (form.ReviewOn is not { } reviewOn)
            errors.Add(new(nameof(VipForm.ReviewOn), text["VipReviewRequired"]));
        else if (reviewOn < today)
            errors.Add(new(nameof(VipForm.ReviewOn), text["VipReviewPast", today.ToString("yyyy-MM-dd")]));
        if (errors.Count > 0)
            return new(SaveOutcome.Invalid, null, errors);

        var actor = await currentActor.GetAsync();
        var now = clock.GetUtcNow();
        var terms = new VipTerms(form.ComplaintReplyHours, form.RepairScheduleHours, form.CallBackMinutes, manager!.Id, manager.Name);
        List<ServiceRequest> followed = [];
        var savedVersion = 0;
        SaveOutcome outcome;
        try
        {
            // The profile, the occupant's flag and their open items are written together, or not at all; an item changed
            // meanwhile on the queue makes the whole save run again against it.
            outcome = await RetriedTransaction.RunAsync(dbFactory, async tx =>
            {
                var profile = await tx.VipProfiles.FirstOrDefaultAsync(v => v.OccupantId == occupant.Id, ct);
                if (profile is null)
                {
                    profile = new VipProfile { OccupantId = occupant.Id, Reason = reason!, ServiceManagerId = manager.Id, ServiceManagerName = manager.Name };
                    tx.VipProfiles.Add(profile);
                }
                else if (profile.Version != form.Version)
                    return SaveOutcome.Conflict;
                else if (profile.EndedAt is not null && !form.StartAgain)
                    return SaveOutcome.Invalid;
                profile.Reason = reason!;
                profile.ServiceManagerId = manager.Id;
                profile.ServiceManagerName = manager.Name;
                profile.ComplaintReplyHours = form.ComplaintReplyHours;
                profile.RepairScheduleHours = form.RepairScheduleHours;
                profile.CallBackMinutes = form.CallBackMinutes;
                profile.ContactTimes = contactTimes;
                profile.ContactChannel = form.ContactChannel;
                profile.Notes = notes;
                profile.ReviewOn = form.ReviewOn!.Value;
                profile.EndedAt = null;
                await tx.SaveChangesAsync(ct);
                savedVersion = profile.Version;
                await FlagAsync(tx, occupant.Id, true, ct);
                followed = await VipQueueItems.FollowAsync(tx, occupant.Id, terms, actor, now, text, ct);
                return SaveOutcome.Saved;
            }, o => o == SaveOutcome.Saved, e => e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e), ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            outcome = SaveOutcome.Conflict;
        }
        if (outcome == SaveOutcome.Conflict)
            return new(SaveOutcome.Conflict, await GetFormAsync(occupant.Id, ct), [new FieldError("", sharedText["ConcurrencyConflict"])]);
        // An ended service is started again only when the manager says so, never by saving its old agreement.
        if (outcome == SaveOutcome.Invalid)
            return Fail(SaveOutcome.Invalid, text["VipEndedStartAgainFirst", (await GetFormAsync(occupant.Id, ct))?.EndedOn?.ToString("yyyy-MM-dd") ?? ""]);
        form.Version = savedVersion;
        form.EndedOn = null;
        form.StartAgain = false;
        await AnnounceAsync(followed, now);
        return SaveResult<VipForm>.Saved(form);
    }

    /// <summary>
    /// Ends the occupant's VIP service: no longer VIP, so intake, the queue and the VIP list stop showing it, new items
    /// get the estate's deadlines, and the open ones go back to them (and lose the badge). The profile stays, marked
    /// ended (the audit trail has it, and the unit page says when); saving it again starts it again only when the
    /// manager chooses to (<see cref="VipForm.StartAgain"/>).
    /// </summary>
    public async Task<SaveResult<int>> EndAsync(int occupantId, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.ManageVip, ct))
            return new(SaveOutcome.Denied, 0, [new FieldError("", sharedText["AccessDenied"])]);
        var actor = await currentActor.GetAsync();
        var now = clock.GetUtcNow();
        List<ServiceRequest> followed = [];
        var outcome = await RetriedTransaction.RunAsync(dbFactory, async tx =>
        {
            if (!await tx.Occupants.AnyAsync(o => o.Id == occupantId, ct))
                return SaveOutcome.NotFound;
            var profile = await tx.VipProfiles.FirstOrDefaultAsync(v => v.OccupantId == occupantId, ct);
            if (profile is { EndedAt: null })
            {
                profile.EndedAt = now;
                await tx.SaveChangesAsync(ct);
            }
            await FlagAsync(tx, occupantId, false, ct);
            followed = await VipQueueItems.FollowAsync(tx, occupantId, null, actor, now, text, ct);
            return SaveOutcome.Saved;
        }, o => o == SaveOutcome.Saved, e => e is DbUpdateConcurrencyException, ct);
        if (outcome == SaveOutcome.NotFound)
            return new(SaveOutcome.NotFound, 0, [new FieldError("", sharedText["NotFound"])]);
        await AnnounceAsync(followed, now);
        return SaveResult<int>.Saved(occupantId);
    }

    /// <summary>The active staff who may be a VIP's service manager (the roles the access table says), by name.</summary>
    public async Task<IReadOnlyList<ServiceManagerOption>> ServiceManagersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await ServiceManagersIn(db).ToListAsync(ct);
        return [.. list.OrderBy(m => m.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>VIPs by review date (soonest first), a page at a time, each with the reminder of a review due.</summary>
    public async Task<Slice<VipRow>> GetListAsync(PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.VipProfiles.AsNoTracking().Where(v => v.EndedAt == null).OrderBy(v => v.ReviewOn).ThenBy(v => v.Id)
            .Select(v => new VipRow(v.Id, v.OccupantId, v.Occupant!.UnitId, v.Occupant.Unit!.Building!.Code + "-" + v.Occupant.Unit.Number, v.Occupant.Name,
                v.Reason, v.ServiceManagerName, v.ReviewOn,
                db.VipReviewReminders.Where(r => r.VipProfileId == v.Id && r.ReviewOn == v.ReviewOn).Select(r => (DateTimeOffset?)r.RemindedAt).FirstOrDefault()))
            .ToSliceAsync(page, ct);
    }

    /// <summary>The VIP service of an occupant whose profile has not ended, or null.</summary>
    public async Task<VipSummary?> SummaryAsync(int occupantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.VipProfiles.AsNoTracking().Where(v => v.OccupantId == occupantId && v.EndedAt == null)
            .Select(v => new VipSummary(v.OccupantId, v.Reason, v.ServiceManagerName, v.ContactTimes, v.ContactChannel, v.Notes)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The occupant's flag, in step with the profile. Not a registry edit: the occupant's version stays, so a form open on them is not put out.</summary>
    private static Task<int> FlagAsync(AppDbContext db, int occupantId, bool isVip, CancellationToken ct) =>
        db.Occupants.Where(o => o.Id == occupantId && o.IsVip != isVip).ExecuteUpdateAsync(s => s.SetProperty(o => o.IsVip, isVip), ct);

    private static IQueryable<ServiceManagerOption> ServiceManagersIn(AppDbContext db, string? userId = null) =>
        db.Users.AsNoTracking().Where(u => !u.IsDisabled && (userId == null || u.Id == userId) && db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && ServingRoles.Contains(r.Name!))))
            .Select(u => new ServiceManagerOption(u.Id, u.DisplayName != "" ? u.DisplayName : u.UserName!));

    /// <summary>Why the chosen user may not be the service manager: none chosen or gone, or their role may not serve.</summary>
    private async Task<string> ManagerRefusalAsync(AppDbContext db, string? userId, CancellationToken ct)
    {
        var user = string.IsNullOrEmpty(userId) ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == userId && !u.IsDisabled).Select(u => u.DisplayName != "" ? u.DisplayName : u.UserName!).FirstOrDefaultAsync(ct);
        return user is null ? text["VipManagerRequired"] : text["VipManagerNotServing", user];
    }

    /// <summary>Tells the live queue about the items that followed; they are stored, so a failure here is only logged.</summary>
    private async Task AnnounceAsync(List<ServiceRequest> items, DateTimeOffset now)
    {
        foreach (var item in items)
        {
            try
            {
                await events.PublishAsync(ReceptionService.ToEvent(item, item.Unit, WorkQueueEventKind.Changed, now));
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Request {RequestId} followed its occupant's VIP service but was not announced", item.Id);
            }
        }
    }

    private static async Task<ReceptionSettings> SettingsAsync(AppDbContext db, int estateId, CancellationToken ct) =>
        await db.ReceptionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.EstateId == estateId, ct) ?? new ReceptionSettings { EstateId = estateId };

    private static EstateDeadlines Of(ReceptionSettings s) => new(s.ComplaintReplyHours, s.RepairScheduleHours, s.CallBackMinutes);

    private void Shorter(int? value, int limit, string field, string key, List<FieldError> errors)
    {
        if (value is { } v && (v < 1 || v > limit))
            errors.Add(new(field, text[key, limit]));
    }

    private string? Text(string? value, string field, int length, List<FieldError> errors)
    {
        var clean = TypedText.Text(value);
        if (clean is not null && clean.Length > length)
            errors.Add(new(field, text["TooLong", length]));
        return clean;
    }

    private static SaveResult<VipForm> Fail(SaveOutcome outcome, string message) => new(outcome, null, [new FieldError("", message)]);
}
