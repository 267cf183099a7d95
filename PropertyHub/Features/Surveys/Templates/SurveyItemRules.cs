using System.Text.RegularExpressions;

namespace PropertyHub.Features.Surveys.Templates;

/// <summary>The rules an item's code and names keep; messages are SurveyTemplateText keys, per field.</summary>
public static partial class SurveyItemRules
{
    public const int MaxCode = 32;
    public const int MaxName = 100;

    public const string CodeField = "Code";
    public const string NameHansField = "NameHans";
    public const string NameHantField = "NameHant";
    public const string NameEnField = "NameEn";
    public const string DepartmentField = "Department";
    public const string TemplateNameField = "Name";

    [GeneratedRegex("^[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    /// <summary>The field errors of a draft; the code is checked only when <paramref name="withCode"/> (adding).</summary>
    public static Dictionary<string, string> Check(ItemDraft draft, bool withCode)
    {
        var errors = new Dictionary<string, string>();
        if (withCode)
        {
            var code = Clean(draft.Code);
            if (code is null)
                errors[CodeField] = "CodeRequired";
            else if (code.Length > MaxCode)
                errors[CodeField] = "CodeTooLong";
            else if (!CodePattern().IsMatch(code))
                errors[CodeField] = "CodeInvalid";
        }
        CheckName(errors, NameHansField, draft.NameHans);
        CheckName(errors, NameHantField, draft.NameHant);
        CheckName(errors, NameEnField, draft.NameEn);
        if (!Enum.IsDefined(draft.Department))
            errors[DepartmentField] = "DepartmentRequired";
        return errors;
    }

    /// <summary>The error key of a template name, or null when it is fine.</summary>
    public static string? CheckTemplateName(string? name) => Clean(name) switch
    {
        null => "TemplateNameRequired",
        { Length: > MaxName } => "TemplateNameTooLong",
        _ => null,
    };

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void CheckName(Dictionary<string, string> errors, string field, string? name)
    {
        var clean = Clean(name);
        if (clean is null)
            errors[field] = "NameRequired";
        else if (clean.Length > MaxName)
            errors[field] = "NameTooLong";
    }
}
