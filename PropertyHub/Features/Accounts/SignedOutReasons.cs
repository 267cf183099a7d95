namespace PropertyHub.Features.Accounts;

/// <summary>Why a signed-in user was signed out by the app rather than by signing out themselves.</summary>
public enum SignedOutReason
{
    Disabled,
    RolesChanged,
    /// <summary>The session was ended (a new security stamp, the user removed) with the same roles.</summary>
    SessionEnded,
}

/// <summary>
/// Carries the reason a cookie was refused to the sign-in page that follows: for this request (the refused cookie came
/// with the sign-in page itself) and in a short-lived cookie for the next (a page redirected to the sign-in). The
/// sign-in page reads it once and clears it.
/// </summary>
public static class SignedOutReasons
{
    public const string CookieName = "PropertyHub.SignedOut";
    private static readonly object ItemKey = new();

    public static void Leave(HttpContext http, SignedOutReason reason)
    {
        http.Items[ItemKey] = reason;
        http.Response.Cookies.Append(CookieName, reason.ToString(), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromMinutes(10),
        });
    }

    /// <summary>The reason left for this sign-in, if any; it is cleared, so a reload shows the plain sign-in page.</summary>
    public static SignedOutReason? Take(HttpContext http)
    {
        SignedOutReason? reason = http.Items.TryGetValue(ItemKey, out var item) && item is SignedOutReason r ? r
            : Enum.TryParse<SignedOutReason>(http.Request.Cookies[CookieName], out var fromCookie) && Enum.IsDefined(fromCookie) ? fromCookie
            : null;
        if (http.Request.Cookies.ContainsKey(CookieName) && !http.Response.HasStarted)
            http.Response.Cookies.Delete(CookieName);
        return reason;
    }
}
