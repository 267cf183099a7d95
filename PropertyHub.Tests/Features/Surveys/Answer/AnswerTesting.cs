using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Languages;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Surveys;

namespace PropertyHub.Tests.Features.Surveys.Answer;

/// <summary>The app with the 2026-Q4 forms issued, and a limit on personal links high enough for a whole test class.</summary>
public sealed class SurveyAppFactory : AppFactory
{
    public const string Quarter = "2026-Q4";
    private readonly SemaphoreSlim issuing = new(1, 1);
    private bool issued;
    private int nextLink;

    public SurveyAppFactory()
    {
        Settings["Links:PermitsPerMinute"] = "10000";
    }

    public async Task EnsureIssuedAsync()
    {
        await issuing.WaitAsync();
        try
        {
            if (!issued)
                await WithScopeAsync(sp => sp.GetRequiredService<SurveyIssuer>().IssueAsync(SurveyQuarter.Parse(Quarter), default));
            issued = true;
        }
        finally
        {
            issuing.Release();
        }
    }

    /// <summary>A personal link no other test of this factory has used: its token (as the notice carries it) and its survey.</summary>
    public async Task<(string Token, int SurveyId)> TakeLinkAsync()
    {
        await EnsureIssuedAsync();
        await using var db = await CreateDbContextAsync();
        var links = (await db.Notices.AsNoTracking().Where(n => n.Kind == SurveyNotices.Kind && n.SealedLink != null)
            .Select(n => n.SealedLink).ToListAsync()).Select(l => Services.OpenLink(l)!).Distinct().Order(StringComparer.Ordinal).ToList();
        var url = links[Interlocked.Increment(ref nextLink) - 1];
        var token = url[(url.LastIndexOf("/l/", StringComparison.Ordinal) + 3)..];
        var hash = LinkTokens.Hash(token);
        var surveyId = await db.PersonalLinks.Where(l => l.TokenHash == hash).Select(l => l.SubjectId).SingleAsync();
        return (token, surveyId);
    }

    /// <summary>A text of a resource set as the given language writes it.</summary>
    public string Text<TResource>(string culture, string key, params object[] args)
    {
        var localizer = Services.GetRequiredService<IStringLocalizer<TResource>>();
        return NoticeOutbox.WriteIn(new System.Globalization.CultureInfo(culture), () => localizer[key, args].Value);
    }
}

/// <summary>A browser on the occupant's page: reads the HTML, and posts the form back with what the page gave it.</summary>
internal static partial class AnswerBrowser
{
    /// <summary>A client that chose English on the language switcher (the culture cookie), so pages show English.</summary>
    public static async Task<HttpClient> EnglishClientAsync(this AppFactory factory)
    {
        var client = factory.NewClient();
        var response = await client.GetAsync("/culture?culture=" + Cultures.English + "&redirectUri=%2F");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<string> PageAsync(this HttpClient client, string token)
    {
        var response = await client.GetAsync("/l/" + token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    public static bool HasForm(string html) => html.Contains("data-testid=\"answer-submit\"", StringComparison.Ordinal);

    /// <summary>The page's message (link state, thanks, already answered), or null.</summary>
    public static string? Message(string html) =>
        MessagePattern().Match(html) is { Success: true } m ? m.Groups[1].Value.Trim() : null;

    public static IReadOnlyList<string> ItemErrors(string html) =>
        [.. ItemErrorPattern().Matches(html).Select(m => m.Groups[1].Value.Trim())];

    /// <summary>The radio groups' names in page order, one per item ("Input.Scores[12]").</summary>
    public static IReadOnlyList<string> ScoreFields(string html) =>
        [.. ScoreFieldPattern().Matches(html).Select(m => m.Groups[1].Value).Distinct()];

    public static IReadOnlyList<string> CheckedScores(string html) =>
        [.. CheckedPattern().Matches(html).Select(m => m.Groups[1].Value + "=" + m.Groups[2].Value)];

    /// <summary>Posts the page's form: its hidden fields (antiforgery token, form name) plus the given fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string token, string page, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = new List<KeyValuePair<string, string>>(HiddenPattern().Matches(page).Select(m => KeyValuePair.Create(m.Groups[1].Value, m.Groups[2].Value)));
        Assert.Contains(form, f => f.Key == "__RequestVerificationToken");
        Assert.Contains(form, f => f.Key == "_handler");
        form.AddRange(fields);
        return await client.PostAsync("/l/" + token, new FormUrlEncodedContent(form));
    }

    /// <summary>Posts scores (one per item, in page order), a comment and a suggestion; returns the answer page.</summary>
    public static async Task<string> AnswerAsync(this HttpClient client, string token, string page, IReadOnlyList<int?> scores, string comment = "", string suggestion = "")
    {
        var names = ScoreFields(page);
        var fields = names.Zip(scores).Where(p => p.Second is not null)
            .Select(p => KeyValuePair.Create(p.First, p.Second!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(KeyValuePair.Create("Input.Comment", comment))
            .Append(KeyValuePair.Create("Input.Suggestion", suggestion));
        var response = await client.PostFormAsync(token, page, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("data-testid=\"answer-message\">([^<]*)<")]
    private static partial Regex MessagePattern();

    [GeneratedRegex("data-testid=\"answer-item-error\">([^<]*)<")]
    private static partial Regex ItemErrorPattern();

    [GeneratedRegex("name=\"(Input\\.Scores\\[\\d+\\])\"")]
    private static partial Regex ScoreFieldPattern();

    [GeneratedRegex("name=\"(Input\\.Scores\\[\\d+\\])\" value=\"(\\d)\" checked")]
    private static partial Regex CheckedPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenPattern();
}

internal static class SurveyForms
{
    public static async Task<SurveyForm> FormAsync(this AppFactory factory, int surveyId, string culture = Cultures.English)
    {
        SurveyForm? form = null;
        await factory.WithScopeAsync(async sp => form = await sp.GetRequiredService<SurveyAnswers>().FormAsync(surveyId, culture));
        return form ?? throw new InvalidOperationException("No survey " + surveyId);
    }
}
