using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PropertyHub.Features.Files;

/// <summary>
/// A file people gave us — a scanned document, a photo taken on a visit, a bank slip — as one row with its checked
/// type, size and SHA-256. The bytes sit in <see cref="StoredFileContent"/> so lists never load them. Kept in the
/// database, so every instance and every backup has it and nothing is ever served from the web root. Who may see a
/// file is decided by the record it belongs to (a document, a work order), never by the file's id.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }
    /// <summary>The name it was uploaded under, without folders or invisible characters; shown, never used as a path.</summary>
    public required string Name { get; set; }
    public FileKind Kind { get; set; }
    public long Length { get; set; }
    /// <summary>Lower-case hex SHA-256 of the content: how a second upload of the same file is recognised.</summary>
    public required string Sha256 { get; set; }
    public DateTimeOffset StoredAt { get; set; }
    public required string StoredBy { get; set; }
    public StoredFileContent? Content { get; set; }

    public string ContentType => FileKinds.ContentType(Kind);
}

/// <summary>The bytes of a <see cref="StoredFile"/>, written with it in the same save.</summary>
public sealed class StoredFileContent
{
    public Guid FileId { get; set; }
    public required byte[] Bytes { get; set; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Name).HasMaxLength(FileNames.MaxLength);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(f => f.StoredBy).HasMaxLength(256);
        builder.Ignore(f => f.ContentType);
        builder.HasIndex(f => f.Sha256);
        builder.HasOne(f => f.Content).WithOne().HasForeignKey<StoredFileContent>(c => c.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoredFileContentConfiguration : IEntityTypeConfiguration<StoredFileContent>
{
    public void Configure(EntityTypeBuilder<StoredFileContent> builder)
    {
        builder.HasKey(c => c.FileId);
        builder.Property(c => c.FileId).ValueGeneratedNever();
    }
}
