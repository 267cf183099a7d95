using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Reception.IntakeDesk;

/// <summary>The signed-in member of staff at the desk: the surname they give on the phone and what they may do.</summary>
public sealed record DeskUser(string? UserId, string Surname, bool IsFrontDesk, bool CanMaintainArchive);

/// <summary>An estate as the intake page needs it: the office name for the greeting, the calendar, the call-back time.</summary>
public sealed record DeskEstate(int Id, string Name, string OfficeName, ServiceCalendar Calendar, int CallBackMinutes, int ComplaintReplyHours);

/// <summary>
/// The unit and occupant a clerk chose in the type-ahead, with the VIP notes to mind and the deadlines a new item of
/// theirs gets (a VIP's own, else the estate's) — the ones saving uses.
/// </summary>
public sealed record CallerDetails(int EstateId, int UnitId, string Address, int? OccupantId, string? Name, string? Phone, bool IsVip, string? VipNotes,
    int CallBackMinutes, int ComplaintReplyHours);

/// <summary>Reads what the intake page shows beside the form.</summary>
public sealed class DeskProfile(IDbContextFactory<AppDbContext> dbFactory, IServiceProvider services)
{
    public async Task<DeskUser> UserAsync(CancellationToken ct = default)
    {
        var principal = await PrincipalAsync();
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal is null || id is null)
            return new DeskUser(null, "", false, false);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var surname = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.Surname).SingleOrDefaultAsync(ct) ?? "";
        // Clerks and their supervisor are the customer-service group at the front desk (P2 §2); others answer for a department.
        var frontDesk = principal.IsInRole(Roles.Clerk) || principal.IsInRole(Roles.Supervisor);
        var archive = AccessTable.Allows(Can.MaintainArchive, principal);
        return new DeskUser(id, surname.Trim(), frontDesk, archive);
    }

    public async Task<IReadOnlyList<DeskEstate>> EstatesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var estates = await db.Estates.AsNoTracking().OrderBy(e => e.Name).ToListAsync(ct);
        var settings = await db.ReceptionSettings.AsNoTracking().ToDictionaryAsync(s => s.EstateId, ct);
        return [.. estates.Select(e =>
        {
            var s = settings.GetValueOrDefault(e.Id) ?? new ReceptionSettings { EstateId = e.Id };
            return new DeskEstate(e.Id, e.Name, e.OfficeName, e.Calendar, s.CallBackMinutes, s.ComplaintReplyHours);
        })];
    }

    public async Task<CallerDetails?> CallerAsync(int unitId, int? occupantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new { u.Id, u.Building!.EstateId, u.Building.Code, u.Number }).SingleOrDefaultAsync(ct);
        if (unit is null)
            return null;
        var occupant = occupantId is null ? null : await db.Occupants.AsNoTracking()
            .Where(o => o.Id == occupantId && o.UnitId == unitId)
            .Select(o => new { o.Id, o.Name, o.Phone, o.IsVip, o.VipNotes }).SingleOrDefaultAsync(ct);
        var deadlines = await OccupantFile.Vip.VipTerms.SettingsForAsync(db, unit.EstateId, occupant?.Id, ct);
        return new CallerDetails(unit.EstateId, unit.Id, $"{unit.Code}-{unit.Number}", occupant?.Id, occupant?.Name, occupant?.Phone,
            occupant?.IsVip ?? false, occupant?.VipNotes, deadlines.CallBackMinutes, deadlines.ComplaintReplyHours);
    }

    private async Task<ClaimsPrincipal?> PrincipalAsync()
    {
        var http = services.GetService<IHttpContextAccessor>()?.HttpContext;
        if (http?.User.Identity?.IsAuthenticated == true && !http.WebSockets.IsWebSocketRequest)
            return http.User;
        if (services.GetService<AuthenticationStateProvider>() is not { } provider)
            return null;
        try
        {
            return (await provider.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
