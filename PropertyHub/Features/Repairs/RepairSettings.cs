using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Repairs;

/// <summary>
/// Repair deadlines of one estate; an estate without a row uses the defaults. A normal repair is scheduled within the
/// reception setting (24 h); an emergency within <see cref="EmergencyScheduleMinutes"/> (30 min), warned with
/// <see cref="EmergencyWarnMinutes"/> left; the follow-up call within <see cref="FollowUpDays"/> (3 days) of acceptance.
/// </summary>
public sealed class RepairSettings : IVersioned
{
    public int EstateId { get; set; }
    public int EmergencyScheduleMinutes { get; set; } = 30;
    public int EmergencyWarnMinutes { get; set; } = 10;
    public int FollowUpDays { get; set; } = 3;
    public int FollowUpWarnHours { get; set; } = 24;
    /// <summary>Normal visits are agreed between these local hours; an emergency may be at any hour.</summary>
    public int VisitFromHour { get; set; } = 8;
    public int VisitToHour { get; set; } = 20;
    /// <summary>An engineer not arrived by the window's end is raised to the supervisors; this much later, to the manager.</summary>
    public int LateArrivalMinutes { get; set; } = 60;
    public int Version { get; set; }
}

internal sealed class RepairSettingsConfiguration : IEntityTypeConfiguration<RepairSettings>
{
    public void Configure(EntityTypeBuilder<RepairSettings> builder)
    {
        builder.HasKey(s => s.EstateId);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Estate>().WithOne().HasForeignKey<RepairSettings>(s => s.EstateId).OnDelete(DeleteBehavior.Cascade);
    }
}
