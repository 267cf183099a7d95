using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace PropertyHub.Features.PersonalLinks;

/// <summary>Tokens for personal links: 256 random bits, URL-safe; only their SHA-256 hash is stored.</summary>
public static class LinkTokens
{
    public const int TokenBytes = 32;

    /// <summary>Characters in a token: 32 bytes in unpadded base64url.</summary>
    public const int TokenLength = 43;

    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A token this app could have made: 43 URL-safe characters. Anything else is refused before the database is asked.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
