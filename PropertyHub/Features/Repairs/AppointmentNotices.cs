using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Data;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;
using PropertyHub.Resources;

namespace PropertyHub.Features.Repairs;

/// <summary>
/// What the occupant is told about a visit, through the outbox (e-mail and SMS where they have them, else a letter), in
/// their language: the confirmation when an appointment is agreed or moved, and the reminder the evening before. Each is
/// unique on its source (the appointment), so a retried save or a second run of the reminder cannot send it twice.
/// </summary>
public sealed class AppointmentNotices(EstateTime estateTime, NoticeLinks noticeLinks, IOptions<PersonalLinkOptions> linkOptions, IStringLocalizer<RepairsText> text)
{
    public const string ConfirmationKind = "repair-appointment";
    public const string ReminderKind = "repair-reminder";

    public static string ConfirmationSource(int workOrderId, int appointmentNumber) => $"work-order:{workOrderId}:{appointmentNumber}";

    public static string ReminderSource(int appointmentId) => $"appointment:{appointmentId}";

    /// <summary>
    /// The occupant a visit to the unit concerns: the caller of the request when known, else whoever lives there (the
    /// tenant of a let unit, else the owner). Null for a common area or a unit with nobody on file.
    /// </summary>
    public static async Task<(Occupant Occupant, NoticePlace Place)?> RecipientAsync(AppDbContext db, int? unitId, int? occupantId, CancellationToken ct)
    {
        if (unitId is not { } unit)
            return null;
        var occupants = await db.Occupants.AsNoTracking().Where(o => o.UnitId == unit).ToListAsync(ct);
        var who = occupants.FirstOrDefault(o => o.Id == occupantId)
            ?? occupants.OrderBy(o => o.Role == OccupantRole.Tenant ? 0 : 1).ThenBy(o => o.Id).FirstOrDefault();
        if (who is null)
            return null;
        var place = await db.Units.AsNoTracking().Where(u => u.Id == unit).Select(u => new NoticePlace(u.Building!.EstateId, u.BuildingId)).SingleAsync(ct);
        return (who, place);
    }

    /// <summary>Adds the confirmation of an agreed (or moved) appointment to the caller's context, saved with the step.</summary>
    public void AddConfirmation(AppDbContext db, (Occupant Occupant, NoticePlace Place) to, int estateId, int workOrderId, int appointmentNumber,
        Appointment appointment, bool moved, DateTimeOffset now)
    {
        // The occupant's personal link to see the visit and ask to move it, valid until the window ends.
        var url = RepairLinks.Issue(db, workOrderId, to.Occupant.Id, now, appointment.WindowEnd, linkOptions.Value.PublicBaseUrl);
        NoticeOutbox.AddForOccupant(db, to.Occupant, to.Place, ConfirmationKind, ConfirmationSource(workOrderId, appointmentNumber),
            culture => Words(culture, moved ? "Notice.MovedSubject" : "Notice.BookedSubject", "Notice.Body", to.Occupant.Name, estateId, appointment), now,
            noticeLinks.Seal(url));
    }

    public const string AcceptanceKind = "repair-acceptance";

    public static string AcceptanceSource(int workOrderId, int number) => $"work-order:{workOrderId}:acceptance:{number}";

    /// <summary>
    /// Adds the request to accept a finished repair through the occupant's personal link (they were not at home when the
    /// engineer finished): the link, valid for <paramref name="days"/> days, and the notice carrying it.
    /// </summary>
    public void AddAcceptanceLink(AppDbContext db, (Occupant Occupant, NoticePlace Place) to, WorkOrder order, int number, int days, DateTimeOffset now)
    {
        var url = PersonalLinkService.Add(db, RepairLinks.AcceptancePurpose, order.Id, to.Occupant.Id, now, TimeSpan.FromDays(days), linkOptions.Value.PublicBaseUrl);
        // The shared link helper makes /l/… for other purposes; the acceptance page is /r/accept/….
        url = url[..url.LastIndexOf("/l/", StringComparison.Ordinal)] + "/r/accept/" + url[(url.LastIndexOf('/') + 1)..];
        NoticeOutbox.AddForOccupant(db, to.Occupant, to.Place, AcceptanceKind, AcceptanceSource(order.Id, number),
            culture => NoticeOutbox.WriteIn(culture, () => new NoticeText(text["Notice.AcceptanceSubject"],
                text["Notice.AcceptanceBody", to.Occupant.Name, Clause(order.WorkDone ?? order.Description), order.EngineerName ?? "", days])), now,
            noticeLinks.Seal(url));
    }

    /// <summary>Adds the reminder of one appointment to the caller's context.</summary>
    public void AddReminder(AppDbContext db, (Occupant Occupant, NoticePlace Place) to, int estateId, Appointment appointment, DateTimeOffset now) =>
        NoticeOutbox.AddForOccupant(db, to.Occupant, to.Place, ReminderKind, ReminderSource(appointment.Id),
            culture => Words(culture, "Notice.ReminderSubject", "Notice.ReminderBody", to.Occupant.Name, estateId, appointment), now);

    /// <summary>
    /// Text staff typed, put inside a sentence of the notice: without its own closing stop ("更换垫圈。" would read "。。"
    /// before the sentence's own), and on one line.
    /// </summary>
    public static string Clause(string text) =>
        string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('\u3002', '.', '\uff01', '!', '\uff1b', ';', '\uff0c', ',', '\u3001', ' ');

    private NoticeText Words(CultureInfo culture, string subject, string body, string name, int estateId, Appointment a) =>
        NoticeOutbox.WriteIn(culture, () =>
        {
            var window = $"{estateTime.ToLocal(estateId, a.WindowStart).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}–{estateTime.ToLocal(estateId, a.WindowEnd).ToString("HH:mm", CultureInfo.InvariantCulture)}";
            return new NoticeText(text[subject], text[body, name, window, Clause(a.WorkContent), a.ExpectedMinutes, a.EngineerName]);
        });
}
