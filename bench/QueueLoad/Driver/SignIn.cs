using System.Net;
using System.Text.RegularExpressions;
using PropertyHub.Features.Accounts;

namespace QueueLoad.Driver;

internal static partial class SignIn
{
    public static readonly string Supervisor = DemoUsers.All.First(u => u.Role == Roles.Supervisor).Email;

    /// <summary>Signs in through the sign-in form over HTTP and returns the cookie for hub clients.</summary>
    public static async Task<CookieContainer> CookiesAsync(Uri baseAddress, string email, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var page = await http.GetStringAsync("account/login", ct);
        var token = Token().Match(page).Groups[1].Value;
        using var response = await http.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = DemoUsers.Password,
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("login") == true)
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        return cookies;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
