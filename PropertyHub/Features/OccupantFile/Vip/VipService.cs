using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;
using PropertyHub.Resources;

namespace PropertyHub.Features.OccupantFile.Vip;

/// <summary>VIP service (P1§12): the manager's profile of each VIP, the list by review date, and what the desk is shown.</summary>
public sealed class VipService(
    IDbContextFactory<AppDbContext> dbFactory,
    Permissions permissions,
    EstateTime estateTime,
    IStringLocalizer<OccupantFileText> text,
    IStringLocalizer<SharedText> sharedText)
{
    /// <summary>The occupant's profile to edit (a new one when they have none), or null when there is no such occupant.</summary>
    public async Task<VipForm?> GetFormAsync(int occupantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Occupants.AnyAsync(o => o.Id == occupantId, ct))
            return null;
        return await db.VipProfiles.AsNoTracking().Where(v => v.OccupantId == occupantId).Select(v => new VipForm
        {
            OccupantId = v.OccupantId, Reason = v.Reason, ServiceManagerId = v.ServiceManagerId, ComplaintReplyHours = v.ComplaintReplyHours,
            RepairScheduleHours = v.RepairScheduleHours, CallBackMinutes = v.CallBackMinutes, ContactTimes = v.ContactTimes,
            ContactChannel = v.ContactChannel, Notes = v.Notes, ReviewOn = v.ReviewOn, Version = v.Version,
        }).FirstOrDefaultAsync(ct) ?? new VipForm { OccupantId = occupantId };
    }

    /// <summary>The deadlines of the occupant's estate, the longest a VIP's may be.</summary>
    public async Task<EstateDeadlines?> EstateDeadlinesAsync(int occupantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var estateId = await db.Occupants.Where(o => o.Id == occupantId).Select(o => (int?)o.Unit!.Building!.EstateId).FirstOrDefaultAsync(ct);
        return estateId is { } id ? Of(await SettingsAsync(db, id, ct)) : null;
    }

    /// <summary>
    /// Saves the profile and marks the occupant VIP. Refused: no reason, a service manager who is not an active staff
    /// user, a deadline longer than the estate's, no review date or one already past, text too long.
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
        var manager = string.IsNullOrEmpty(form.ServiceManagerId) ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == form.ServiceManagerId && !u.IsDisabled).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (manager is null)
            errors.Add(new(nameof(VipForm.ServiceManagerId), text["VipManagerRequired"]));
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

        var profile = await db.VipProfiles.FirstOrDefaultAsync(v => v.OccupantId == occupant.Id, ct);
        if (profile is null)
        {
            profile = new VipProfile { OccupantId = occupant.Id, Reason = reason!, ServiceManagerId = manager!.Id, ServiceManagerName = manager.DisplayName };
            db.VipProfiles.Add(profile);
        }
        else
            db.Entry(profile).Property(v => v.Version).OriginalValue = form.Version;
        profile.Reason = reason!;
        profile.ServiceManagerId = manager!.Id;
        profile.ServiceManagerName = manager.DisplayName;
        profile.ComplaintReplyHours = form.ComplaintReplyHours;
        profile.RepairScheduleHours = form.RepairScheduleHours;
        profile.CallBackMinutes = form.CallBackMinutes;
        profile.ContactTimes = contactTimes;
        profile.ContactChannel = form.ContactChannel;
        profile.Notes = notes;
        profile.ReviewOn = form.ReviewOn!.Value;
        occupant.IsVip = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(e))
        {
            return new(SaveOutcome.Conflict, await GetFormAsync(occupant.Id, ct), [new FieldError("", sharedText["ConcurrencyConflict"])]);
        }
        form.Version = profile.Version;
        return SaveResult<VipForm>.Saved(form);
    }

    /// <summary>
    /// Ends the occupant's VIP service: no longer marked VIP, so intake, the queue and the VIP list stop showing it and
    /// new items get the estate's deadlines. The profile stays (the audit trail has it); saving one again resumes it.
    /// </summary>
    public async Task<SaveResult<int>> EndAsync(int occupantId, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.ManageVip, ct))
            return new(SaveOutcome.Denied, 0, [new FieldError("", sharedText["AccessDenied"])]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Occupants.FirstOrDefaultAsync(o => o.Id == occupantId, ct) is not { } occupant)
            return new(SaveOutcome.NotFound, 0, [new FieldError("", sharedText["NotFound"])]);
        occupant.IsVip = false;
        await db.SaveChangesAsync(ct);
        return SaveResult<int>.Saved(occupantId);
    }

    /// <summary>VIPs by review date (soonest first), a page at a time, each with the reminder of a review due.</summary>
    public async Task<Slice<VipRow>> GetListAsync(PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.VipProfiles.AsNoTracking().Where(v => v.Occupant!.IsVip).OrderBy(v => v.ReviewOn).ThenBy(v => v.Id)
            .Select(v => new VipRow(v.Id, v.OccupantId, v.Occupant!.UnitId, v.Occupant.Unit!.Building!.Code + "-" + v.Occupant.Unit.Number, v.Occupant.Name,
                v.Reason, v.ServiceManagerName, v.ReviewOn,
                db.VipReviewReminders.Where(r => r.VipProfileId == v.Id && r.ReviewOn == v.ReviewOn).Select(r => (DateTimeOffset?)r.RemindedAt).FirstOrDefault()))
            .ToSliceAsync(page, ct);
    }

    /// <summary>The VIP service of an occupant still marked VIP, or null.</summary>
    public async Task<VipSummary?> SummaryAsync(int occupantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.VipProfiles.AsNoTracking().Where(v => v.OccupantId == occupantId && v.Occupant!.IsVip)
            .Select(v => new VipSummary(v.OccupantId, v.Reason, v.ServiceManagerName, v.ContactTimes, v.ContactChannel, v.Notes)).FirstOrDefaultAsync(ct);
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
