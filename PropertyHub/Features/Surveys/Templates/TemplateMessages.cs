using Microsoft.Extensions.Localization;
using PropertyHub.Resources;

namespace PropertyHub.Features.Surveys.Templates;

/// <summary>The user's-language text of a refused change (null when it was saved or only fields were wrong).</summary>
public static class TemplateMessages
{
    public static string? Message(this TemplateResult result, IStringLocalizer<SurveyTemplateText> text, IStringLocalizer<SharedText> shared) =>
        result.Conflict ? shared["ConcurrencyConflict"].Value : result.Error is { } key ? text[key].Value : null;

    public static string? FieldError(this IReadOnlyDictionary<string, string> errors, string field, IStringLocalizer<SurveyTemplateText> text) =>
        errors.TryGetValue(field, out var key) ? text[key].Value : null;
}
