using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Notices;

namespace PropertyHub.Tests.Testing;

public static class SealedLinks
{
    /// <summary>The URL a stored notice carries, opened as the app opens it to send or print it.</summary>
    public static string? OpenLink(this IServiceProvider services, string? sealedLink) =>
        services.GetRequiredService<NoticeLinks>().Open(sealedLink);
}
