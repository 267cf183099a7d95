using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Registry;
using PropertyHub.Resources;

namespace PropertyHub.Features.Reception.Knowledge;

/// <summary>The archive's field rules, on values as <see cref="TypedText"/> leaves them; lengths match the columns of <see cref="KnowledgeEntry"/>.</summary>
public static partial class KnowledgeRules
{
    public const int MaxTitle = 200;
    public const int MaxAnswer = 2000;
    public const int MaxPhone = 40;
    public const int MaxKeywords = 500;

    public static List<FieldMessage> Check(KnowledgeForm form, IStringLocalizer<ReceptionText> text)
    {
        var errors = new List<FieldMessage>();
        void Error(string field, string key, params object[] args) => errors.Add(new FieldMessage(field, text[key, args]));

        if (!Enum.IsDefined(form.Category))
            Error(nameof(form.Category), "Archive.CategoryRequired");
        var title = TypedText.Text(form.Title);
        if (string.IsNullOrEmpty(title))
            Error(nameof(form.Title), "Archive.TitleRequired");
        else if (title.Length > MaxTitle)
            Error(nameof(form.Title), "ContentTooLong", MaxTitle);
        var answer = TypedText.Text(form.Answer);
        if (string.IsNullOrEmpty(answer))
            Error(nameof(form.Answer), "Archive.AnswerRequired");
        else if (answer.Length > MaxAnswer)
            Error(nameof(form.Answer), "ContentTooLong", MaxAnswer);
        var phone = TypedText.Digits(form.Phone);
        if (phone?.Length > MaxPhone)
            Error(nameof(form.Phone), "ContentTooLong", MaxPhone);
        else if (TypedText.HasOtherDigits(phone))
            Error(nameof(form.Phone), "DigitsNotAscii");
        else if (!string.IsNullOrEmpty(phone) && !PhonePattern().IsMatch(phone))
            Error(nameof(form.Phone), "Archive.PhoneInvalid");
        if (TypedText.Text(form.Keywords)?.Length > MaxKeywords)
            Error(nameof(form.Keywords), "ContentTooLong", MaxKeywords);
        return errors;
    }

    /// <summary>Service numbers are short (110, 95598), landlines have dashes, some add an extension or a country code.</summary>
    [GeneratedRegex(@"^\+?[0-9][0-9 \-()/]{1,38}$")]
    private static partial Regex PhonePattern();
}
