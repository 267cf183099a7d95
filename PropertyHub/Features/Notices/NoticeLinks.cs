using Microsoft.AspNetCore.DataProtection;

namespace PropertyHub.Features.Notices;

/// <summary>A personal link sealed for storage in a notice: only <see cref="NoticeLinks"/> turns it back into the URL.</summary>
public readonly record struct SealedLink(string Value);

/// <summary>
/// Seals and opens the personal links that notices carry. A link's token is stored nowhere in the clear: the link row
/// keeps its hash, and a notice keeps the URL sealed with the data-protection keys (purpose <see cref="Purpose"/>)
/// only while a channel still needs it; delivery, marking letters delivered and revoking the link clear it.
/// </summary>
public sealed class NoticeLinks(IDataProtectionProvider protection)
{
    public const string Purpose = "PropertyHub.Notices.PersonalLink";

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    public SealedLink Seal(string url) => new(protector.Protect(url));

    /// <summary>The URL a notice carries, or null when it carries none (never had one, or it was cleared).</summary>
    public string? Open(string? sealedLink) => sealedLink is null ? null : protector.Unprotect(sealedLink);

    public string? Open(Notice notice) => Open(notice.SealedLink);
}
