using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Registry;

namespace PropertyHub.Features.OccupantFile.Vip;

/// <summary>How a VIP prefers to be contacted.</summary>
public enum ContactChannel
{
    Phone,
    Sms,
    Email,
    WeChat,
    Visit,
}

/// <summary>
/// The service agreed with a VIP occupant (P1§12): why they are a VIP, the staff member who is their service manager,
/// deadlines shorter than the estate's (null: the estate's), when and how they like to be contacted, and when the
/// arrangement is reviewed. One per occupant; saving it marks the occupant VIP, ending it (kept, with
/// <see cref="EndedAt"/>) unmarks them: the occupant's flag follows the profile (<see cref="VipService"/>).
/// </summary>
public sealed class VipProfile : IVersioned, IAudited
{
    public const int ReasonLength = 200;
    public const int ContactTimesLength = 100;
    public const int NotesLength = 1000;

    public int Id { get; set; }
    public int OccupantId { get; set; }
    public Occupant? Occupant { get; set; }
    public required string Reason { get; set; }
    public required string ServiceManagerId { get; set; }
    public required string ServiceManagerName { get; set; }
    public int? ComplaintReplyHours { get; set; }
    public int? RepairScheduleHours { get; set; }
    public int? CallBackMinutes { get; set; }
    public string? ContactTimes { get; set; }
    public ContactChannel? ContactChannel { get; set; }
    public string? Notes { get; set; }
    public DateOnly ReviewOn { get; set; }
    /// <summary>When the VIP service ended; null while it runs. The occupant is VIP exactly while this is null.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// The reminder that a VIP's review is due, made once by the review duty for each (profile, review date): the unique key
/// refuses a second one, however many runs there are.
/// </summary>
public sealed class VipReviewReminder
{
    public int Id { get; set; }
    public int VipProfileId { get; set; }
    public DateOnly ReviewOn { get; set; }
    public DateTimeOffset RemindedAt { get; set; }
}

internal sealed class VipProfileConfiguration : IEntityTypeConfiguration<VipProfile>
{
    public void Configure(EntityTypeBuilder<VipProfile> builder)
    {
        builder.Property(v => v.Reason).HasMaxLength(VipProfile.ReasonLength);
        builder.Property(v => v.ServiceManagerId).HasMaxLength(450);
        builder.Property(v => v.ServiceManagerName).HasMaxLength(100);
        builder.Property(v => v.ContactTimes).HasMaxLength(VipProfile.ContactTimesLength);
        builder.Property(v => v.ContactChannel).HasConversion<string>().HasMaxLength(12);
        builder.Property(v => v.Notes).HasMaxLength(VipProfile.NotesLength);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasIndex(v => v.OccupantId).IsUnique();
        builder.HasIndex(v => new { v.ReviewOn, v.Id });
        builder.HasOne(v => v.Occupant).WithMany().HasForeignKey(v => v.OccupantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(v => v.ServiceManagerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VipReviewReminderConfiguration : IEntityTypeConfiguration<VipReviewReminder>
{
    public void Configure(EntityTypeBuilder<VipReviewReminder> builder)
    {
        builder.HasIndex(r => new { r.VipProfileId, r.ReviewOn }).IsUnique();
        builder.HasOne<VipProfile>().WithMany().HasForeignKey(r => r.VipProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
