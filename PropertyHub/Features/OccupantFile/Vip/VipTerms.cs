using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Reception;

namespace PropertyHub.Features.OccupantFile.Vip;

/// <summary>A VIP's deadlines and service manager, as intake applies them to a new item.</summary>
public sealed record VipTerms(int? ComplaintReplyHours, int? RepairScheduleHours, int? CallBackMinutes, string ServiceManagerId, string ServiceManagerName)
{
    /// <summary>
    /// The estate's settings with this VIP's shorter deadlines in place of the estate's (never a longer one). The warning
    /// keeps the estate ladder's share of the period: a 24 h deadline where the estate gives 72 h warned 24 h before is
    /// warned 8 h before, so the item goes to the service manager at two thirds of its time, not as soon as it is logged.
    /// </summary>
    public ReceptionSettings Apply(ReceptionSettings estate)
    {
        var complaint = Math.Min(ComplaintReplyHours ?? int.MaxValue, estate.ComplaintReplyHours);
        var callBack = Math.Min(CallBackMinutes ?? int.MaxValue, estate.CallBackMinutes);
        var repair = Math.Min(RepairScheduleHours ?? int.MaxValue, estate.RepairScheduleHours);
        return new()
        {
            EstateId = estate.EstateId,
            ComplaintReplyHours = complaint,
            ComplaintWarnHours = Share(estate.ComplaintWarnHours, complaint, estate.ComplaintReplyHours),
            InquiryWarnMinutes = estate.InquiryWarnMinutes,
            CallBackMinutes = callBack,
            CallBackWarnMinutes = Share(estate.CallBackWarnMinutes, callBack, estate.CallBackMinutes),
            RepairScheduleHours = repair,
            RepairWarnHours = Share(estate.RepairWarnHours, repair, estate.RepairScheduleHours),
            CriticalHours = estate.CriticalHours,
        };
    }

    /// <summary>The estate's warning lead scaled to the VIP's shorter period (the same lead when the period is the estate's).</summary>
    private static int Share(int warnBefore, int period, int estatePeriod) =>
        period >= estatePeriod || estatePeriod <= 0 ? warnBefore : (int)((long)warnBefore * period / estatePeriod);

    /// <summary>
    /// The deadline settings a new item of the occupant gets: the estate's, with the VIP's shorter ones while their VIP
    /// service runs. Intake quotes them before saving and saving uses them: one source.
    /// </summary>
    public static async Task<ReceptionSettings> SettingsForAsync(AppDbContext db, int estateId, int? occupantId, CancellationToken ct)
    {
        var estate = await db.ReceptionSettings.AsNoTracking().SingleOrDefaultAsync(s => s.EstateId == estateId, ct) ?? new ReceptionSettings { EstateId = estateId };
        return await ForAsync(db, occupantId, ct) is { } vip ? vip.Apply(estate) : estate;
    }

    /// <summary>The service agreed with the occupant while their VIP profile runs, else null.</summary>
    public static Task<VipTerms?> ForAsync(AppDbContext db, int? occupantId, CancellationToken ct) =>
        occupantId is not { } id ? Task.FromResult<VipTerms?>(null)
        : db.VipProfiles.AsNoTracking().Where(v => v.OccupantId == id && v.EndedAt == null)
            .Select(v => new VipTerms(v.ComplaintReplyHours, v.RepairScheduleHours, v.CallBackMinutes, v.ServiceManagerId, v.ServiceManagerName))
            .FirstOrDefaultAsync(ct);
}
