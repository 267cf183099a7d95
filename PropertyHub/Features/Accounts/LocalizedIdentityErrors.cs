using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using PropertyHub.Resources;

namespace PropertyHub.Features.Accounts;

/// <summary>Identity's validation messages in the user's language.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<AccountsText> text) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), text["PasswordTooShort", length]);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), text["PasswordRequiresDigit"]);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), text["PasswordRequiresLower"]);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), text["PasswordRequiresUpper"]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), text["DuplicateEmail", email]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), text["DuplicateEmail", userName]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), text["InvalidEmail"]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), text["InvalidEmail"]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
