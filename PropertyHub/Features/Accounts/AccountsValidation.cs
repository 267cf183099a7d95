using System.Globalization;
using System.Resources;

namespace PropertyHub.Features.Accounts;

/// <summary>Data-annotation messages for the sign-in form, read from AccountsText in the current UI culture.</summary>
public static class AccountsValidation
{
    private static readonly ResourceManager Resources = new("PropertyHub.Resources.AccountsText", typeof(AccountsValidation).Assembly);

    public static string EmailRequired => Get(nameof(EmailRequired));
    public static string PasswordRequired => Get(nameof(PasswordRequired));

    private static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
