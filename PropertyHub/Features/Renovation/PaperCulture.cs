using System.Globalization;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Notices;

namespace PropertyHub.Features.Renovation;

/// <summary>
/// The language a renovation's paper prints in (permit, receipt): the one asked for in the address (?lang=), else the
/// occupant's, whatever the clerk's own language.
/// </summary>
public static class PaperCulture
{
    public static readonly IReadOnlyList<string> Languages = ["zh-Hans", "zh-Hant", "en"];

    public static CultureInfo Of(string? asked, string? occupantLanguage) =>
        NoticeOutbox.CultureOf(asked is not null && Languages.Contains(asked) ? asked : occupantLanguage);

    /// <summary>A localizer writing in <paramref name="culture"/>, for a page printed in a language not the user's.</summary>
    public static IStringLocalizer In(IStringLocalizer inner, CultureInfo culture) => new Localizer(inner, culture);

    private sealed class Localizer(IStringLocalizer inner, CultureInfo culture) : IStringLocalizer
    {
        public LocalizedString this[string name] => NoticeOutbox.WriteIn(culture, () => inner[name]);

        public LocalizedString this[string name, params object[] arguments] => NoticeOutbox.WriteIn(culture, () => inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            NoticeOutbox.WriteIn(culture, () => inner.GetAllStrings(includeParentCultures).ToList());
    }
}
