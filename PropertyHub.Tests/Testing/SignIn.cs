using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Testing;

/// <summary>Signs in through the real sign-in form, as a browser would.</summary>
public static partial class SignIn
{
    public static string DemoEmail(string role) => DemoUsers.All.Single(u => u.Role == role).Email;

    public static HttpClient NewClient(this AppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as the demo user of the role.</summary>
    public static async Task<HttpClient> ClientForRoleAsync(this AppFactory factory, string role)
    {
        var client = factory.NewClient();
        var response = await client.PostLoginAsync(DemoEmail(role), DemoUsers.Password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("login") == true)
            throw new InvalidOperationException($"Sign-in as {role} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/account/login", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
