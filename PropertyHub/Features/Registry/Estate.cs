using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Registry;

/// <summary>An estate (樓盤/管理區域) run by one management office.</summary>
public sealed class Estate : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The management office's name as clerks say it on the phone (P2 §2).</summary>
    public required string OfficeName { get; set; }
    public ServiceCalendar Calendar { get; set; } = new();
    public int Version { get; set; }
    public List<Building> Buildings { get; set; } = [];
}

internal sealed class EstateConfiguration : IEntityTypeConfiguration<Estate>
{
    public void Configure(EntityTypeBuilder<Estate> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.Property(e => e.OfficeName).HasMaxLength(100);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.OwnsOne(e => e.Calendar, c =>
        {
            c.Property(x => x.TimeZoneId).HasMaxLength(64).HasColumnName("TimeZoneId");
            c.Property(x => x.CounterOpens).HasColumnName("CounterOpens");
            c.Property(x => x.CounterCloses).HasColumnName("CounterCloses");
            c.Property(x => x.ServiceLineOpens).HasColumnName("ServiceLineOpens");
            c.Property(x => x.ServiceLineCloses).HasColumnName("ServiceLineCloses");
            c.Property(x => x.RepairHotlineAllDay).HasColumnName("RepairHotlineAllDay");
            c.Property(x => x.ComplaintLineAllDay).HasColumnName("ComplaintLineAllDay");
        });
        builder.Navigation(e => e.Calendar).IsRequired();
    }
}
