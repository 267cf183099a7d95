using System.Net.Mail;

namespace PropertyHub.Features.Registry;

/// <summary>A rule broken by a value: the field, the RegistryText key of the message, and its arguments.</summary>
public sealed record RuleViolation(string Field, string MessageKey, params object[] Arguments);

/// <summary>
/// The registry's validation rules, in one place for forms and imports alike. Messages are RegistryText
/// keys, so each caller shows them in its user's language. Values are checked as <see cref="TypedText"/> leaves them:
/// a digit other than ASCII 0–9 is refused with its own message.
/// </summary>
public static class RegistryRules
{
    public const decimal MaxArea = 10_000m;
    public const int MaxNameLength = 100;

    public static IEnumerable<RuleViolation> CheckBuilding(string? code, string? name)
    {
        if (string.IsNullOrWhiteSpace(code))
            yield return new(nameof(Building.Code), "BuildingCodeRequired");
        else if (TypedText.HasOtherDigits(code))
            yield return new(nameof(Building.Code), "DigitsNotAscii");
        else if (code.Trim().Length > 16)
            yield return new(nameof(Building.Code), "BuildingCodeTooLong", 16);
        if (string.IsNullOrWhiteSpace(name))
            yield return new(nameof(Building.Name), "BuildingNameRequired");
        else if (name.Trim().Length > MaxNameLength)
            yield return new(nameof(Building.Name), "NameTooLong", MaxNameLength);
    }

    public static IEnumerable<RuleViolation> CheckUnit(string? number, int floor, decimal area)
    {
        if (string.IsNullOrWhiteSpace(number))
            yield return new(nameof(Unit.Number), "UnitNumberRequired");
        else if (TypedText.HasOtherDigits(number))
            yield return new(nameof(Unit.Number), "DigitsNotAscii");
        else if (number.Trim().Length > 16)
            yield return new(nameof(Unit.Number), "UnitNumberTooLong", 16);
        if (floor is < -10 or > 200)
            yield return new(nameof(Unit.Floor), "FloorOutOfRange", -10, 200);
        if (area <= 0 || area > MaxArea)
            yield return new(nameof(Unit.Area), "AreaOutOfRange", MaxArea);
        else if (decimal.Round(area, 2) != area)
            yield return new(nameof(Unit.Area), "AreaTooManyDecimals");
    }

    public static IEnumerable<RuleViolation> CheckOccupant(OccupantKind kind, string? name, string? phone, string? phone2, string? email, string? idNumber, string? preferredLanguage)
    {
        if (string.IsNullOrWhiteSpace(name))
            yield return new(nameof(Occupant.Name), "OccupantNameRequired");
        else if (name.Trim().Length > MaxNameLength)
            yield return new(nameof(Occupant.Name), "NameTooLong", MaxNameLength);
        if (CheckPhone(phone) is { } phoneError)
            yield return new(nameof(Occupant.Phone), phoneError);
        if (CheckPhone(phone2) is { } phone2Error)
            yield return new(nameof(Occupant.Phone2), phone2Error);
        if (!string.IsNullOrWhiteSpace(email) && !IsEmail(email.Trim()))
            yield return new(nameof(Occupant.Email), "EmailInvalid");
        if (!string.IsNullOrWhiteSpace(idNumber))
        {
            var id = idNumber.Trim();
            if (TypedText.HasOtherDigits(id))
                yield return new(nameof(Occupant.IdNumber), "DigitsNotAscii");
            else if (id.Length != 18)
                yield return new(nameof(Occupant.IdNumber), "IdNumberLength", 18);
            else if (kind == OccupantKind.Person && !IdNumbers.IsValidPersonId(id))
                yield return new(nameof(Occupant.IdNumber), "IdNumberInvalid");
            else if (kind == OccupantKind.Company && !IdNumbers.IsValidCompanyId(id))
                yield return new(nameof(Occupant.IdNumber), "CompanyIdInvalid");
        }
        if (preferredLanguage is not null && !Languages.Cultures.All.Contains(preferredLanguage))
            yield return new(nameof(Occupant.PreferredLanguage), "LanguageInvalid");
    }

    /// <summary>The RegistryText key of what is wrong with a phone number as typed (after <see cref="TypedText.Digits"/>), or null.</summary>
    public static string? CheckPhone(string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? null
        : TypedText.HasOtherDigits(phone) ? "DigitsNotAscii"
        : Phones.IsValid(phone.Trim()) ? null : "PhoneInvalid";

    private static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
