using System.Globalization;

namespace PropertyHub.Features.Languages;

/// <summary>The languages the product speaks.</summary>
public static class Cultures
{
    public const string SimplifiedChinese = "zh-Hans";
    public const string TraditionalChinese = "zh-Hant";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [SimplifiedChinese, TraditionalChinese, English];

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
