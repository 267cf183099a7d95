using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Reception;

namespace PropertyHub.Features.OccupantFile.Vip;

/// <summary>A VIP's deadlines and service manager, as intake applies them to a new item.</summary>
public sealed record VipTerms(int? ComplaintReplyHours, int? RepairScheduleHours, int? CallBackMinutes, string ServiceManagerId, string ServiceManagerName)
{
    /// <summary>The estate's settings with this VIP's shorter deadlines in place of the estate's (never a longer one).</summary>
    public ReceptionSettings Apply(ReceptionSettings estate) => new()
    {
        EstateId = estate.EstateId,
        ComplaintReplyHours = Math.Min(ComplaintReplyHours ?? int.MaxValue, estate.ComplaintReplyHours),
        ComplaintWarnHours = estate.ComplaintWarnHours,
        InquiryWarnMinutes = estate.InquiryWarnMinutes,
        CallBackMinutes = Math.Min(CallBackMinutes ?? int.MaxValue, estate.CallBackMinutes),
        CallBackWarnMinutes = estate.CallBackWarnMinutes,
        RepairScheduleHours = Math.Min(RepairScheduleHours ?? int.MaxValue, estate.RepairScheduleHours),
        RepairWarnHours = estate.RepairWarnHours,
        CriticalHours = estate.CriticalHours,
    };

    /// <summary>The service agreed with the occupant while their VIP profile runs, else null.</summary>
    public static Task<VipTerms?> ForAsync(AppDbContext db, int? occupantId, CancellationToken ct) =>
        occupantId is not { } id ? Task.FromResult<VipTerms?>(null)
        : db.VipProfiles.AsNoTracking().Where(v => v.OccupantId == id && v.EndedAt == null)
            .Select(v => new VipTerms(v.ComplaintReplyHours, v.RepairScheduleHours, v.CallBackMinutes, v.ServiceManagerId, v.ServiceManagerName))
            .FirstOrDefaultAsync(ct);
}
