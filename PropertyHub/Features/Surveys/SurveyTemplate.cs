using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PropertyHub.Data;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Reception;

namespace PropertyHub.Features.Surveys;

/// <summary>
/// The evaluation form's (業戶評議表) questions. One template is active: the quarterly duty issues it. Items are
/// archived, never deleted, so past answers keep their item.
/// </summary>
public sealed class SurveyTemplate : IVersioned, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public bool IsActive { get; set; }
    public int Version { get; set; }
    public List<SurveyItem> Items { get; set; } = [];
}

/// <summary>One question of the form (reception, security, cleaning …), scored on five levels.</summary>
public sealed class SurveyItem : IVersioned, IAudited
{
    public int Id { get; set; }
    public int TemplateId { get; set; }
    /// <summary>Stable short code, e.g. "cleaning"; shown in exports.</summary>
    public required string Code { get; set; }
    public required string NameHans { get; set; }
    public required string NameHant { get; set; }
    public required string NameEn { get; set; }
    /// <summary>The department a dissatisfied answer's rectification goes to.</summary>
    public Department Department { get; set; }
    public int Order { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; }

    /// <summary>The item's name in a culture (zh-Hant, en, else zh-Hans).</summary>
    public string NameIn(string culture) => Languages.Cultures.Pick(culture, NameHans, NameHant, NameEn);
}

internal sealed class SurveyTemplateConfiguration : IEntityTypeConfiguration<SurveyTemplate>
{
    public void Configure(EntityTypeBuilder<SurveyTemplate> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyItemConfiguration : IEntityTypeConfiguration<SurveyItem>
{
    public void Configure(EntityTypeBuilder<SurveyItem> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(32);
        builder.Property(i => i.NameHans).HasMaxLength(100);
        builder.Property(i => i.NameHant).HasMaxLength(100);
        builder.Property(i => i.NameEn).HasMaxLength(100);
        builder.Property(i => i.Department).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => new { i.TemplateId, i.Code }).IsUnique();
    }
}
