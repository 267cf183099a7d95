using System.Net;
using System.Text.RegularExpressions;

namespace PropertyHub.Tests.Testing;

/// <summary>A phone on a personal link's page: posts the page's form back (its antiforgery token and form name) with the given fields.</summary>
internal static partial class LinkForms
{
    public static async Task<string> PostAsync(HttpClient client, string path, string page, params (string Name, string Value)[] fields)
    {
        var form = HiddenPattern().Matches(page).Select(m => KeyValuePair.Create(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        Assert.Contains(form, f => f.Key == "__RequestVerificationToken");
        Assert.Contains(form, f => f.Key == "_handler");
        form.AddRange(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        var response = await client.PostAsync(path, new FormUrlEncodedContent(form));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 400)]}");
        return html;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenPattern();
}
