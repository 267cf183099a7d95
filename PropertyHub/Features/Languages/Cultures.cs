using System.Globalization;

namespace PropertyHub.Features.Languages;

/// <summary>The languages the product speaks.</summary>
public static class Cultures
{
    public const string SimplifiedChinese = "zh-Hans";
    public const string TraditionalChinese = "zh-Hant";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [SimplifiedChinese, TraditionalChinese, English];

    /// <summary>The one of three texts for a culture: Traditional for zh-Hant (and zh-TW/HK/MO), English for en-*, else Simplified.</summary>
    public static string Pick(string culture, string hans, string hant, string en) => culture switch
    {
        _ when culture.StartsWith(TraditionalChinese, StringComparison.OrdinalIgnoreCase) || culture is "zh-TW" or "zh-HK" or "zh-MO" => hant,
        _ when culture.StartsWith(English, StringComparison.OrdinalIgnoreCase) => en,
        _ => hans,
    };

    /// <summary>Each language named in itself, as the switcher shows it.</summary>
    public static string NativeName(string culture) => culture switch
    {
        SimplifiedChinese => "简体中文",
        TraditionalChinese => "繁體中文",
        _ => "English",
    };

    /// <summary>The supported language the current UI culture falls into (zh-CN → zh-Hans, zh-TW → zh-Hant).</summary>
    public static string Current
    {
        get
        {
            for (var c = CultureInfo.CurrentUICulture; c != CultureInfo.InvariantCulture; c = c.Parent)
            {
                if (All.Contains(c.Name))
                    return c.Name;
            }
            return English;
        }
    }
}
