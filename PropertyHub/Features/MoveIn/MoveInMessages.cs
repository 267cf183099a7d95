using Microsoft.Extensions.Localization;
using PropertyHub.Resources;

namespace PropertyHub.Features.MoveIn;

/// <summary>A result's message in words: "UnitUnknown:1-101" is the key with what it names.</summary>
public static class MoveInMessages
{
    public static string Text(IStringLocalizer<MoveInText> text, string? error)
    {
        if (error is null)
            return "";
        var colon = error.IndexOf(':');
        return colon < 0 ? text[error] : text[error[..colon], error[(colon + 1)..]];
    }

    public static string? For(IStringLocalizer<MoveInText> text, MoveInResult? result, string field) =>
        result is not null && result.Errors.TryGetValue(field, out var key) ? Text(text, key) : null;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
