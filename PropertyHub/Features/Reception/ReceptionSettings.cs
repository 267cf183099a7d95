using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Reception;

/// <summary>
/// Deadlines and warning levels of one estate. Defaults: complaint reply within 72 h, warned with 24 h left
/// (P1§5.4); inquiry by its agreed time, warned 30 min before (P3 4.1.3); a message called back within 20 min
/// (P2 5.3), warned 30 min before — i.e. at once; a repair request scheduled within 24 h, warned with 4 h left.
/// </summary>
public sealed class ReceptionSettings : IVersioned
{
    public int EstateId { get; set; }
    public int ComplaintReplyHours { get; set; } = 72;
    public int ComplaintWarnHours { get; set; } = 24;
    public int InquiryWarnMinutes { get; set; } = 30;
    public int CallBackMinutes { get; set; } = 20;
    public int CallBackWarnMinutes { get; set; } = 30;
    public int RepairScheduleHours { get; set; } = 24;
    public int RepairWarnHours { get; set; } = 4;
    /// <summary>Items with less than this left are shown as critical on the queue.</summary>
    public int CriticalHours { get; set; } = 4;
    public int Version { get; set; }
}

internal sealed class ReceptionSettingsConfiguration : IEntityTypeConfiguration<ReceptionSettings>
{
    public void Configure(EntityTypeBuilder<ReceptionSettings> builder)
    {
        builder.HasKey(s => s.EstateId);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Estate>().WithOne().HasForeignKey<ReceptionSettings>(s => s.EstateId).OnDelete(DeleteBehavior.Cascade);
    }
}
