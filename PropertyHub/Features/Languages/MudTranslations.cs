using Microsoft.Extensions.Localization;
using MudBlazor;
using PropertyHub.Resources;

namespace PropertyHub.Features.Languages;

/// <summary>MudBlazor's own texts (pager, pickers, filters) in the user's language.</summary>
internal sealed class MudTranslations(IStringLocalizer<MudBlazorText> text) : MudLocalizer
{
    public override LocalizedString this[string key] => text[key];
}
