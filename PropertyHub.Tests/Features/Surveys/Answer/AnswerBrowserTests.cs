using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Surveys;

namespace PropertyHub.Tests.Features.Surveys.Answer;

[Collection(BrowserCollection.Name)]
public sealed class AnswerBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public async Task InitializeAsync()
    {
        _ = factory.BaseUrl;
        await factory.WithScopeAsync(sp => sp.GetRequiredService<SurveyIssuer>().IssueAsync(SurveyQuarter.Parse(SurveyAppFactory.Quarter), default));
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<(string Url, int SurveyId)> LinkAsync(int skip)
    {
        await using var db = await factory.CreateDbContextAsync();
        var url = (await db.Notices.AsNoTracking().Where(n => n.Kind == SurveyNotices.Kind && n.SealedLink != null)
            .Select(n => n.SealedLink).ToListAsync()).Select(l => factory.Services.OpenLink(l)!).Distinct().Order(StringComparer.Ordinal).Skip(skip).First();
        var token = url[(url.LastIndexOf("/l/", StringComparison.Ordinal) + 3)..];
        var hash = PropertyHub.Features.PersonalLinks.LinkTokens.Hash(token);
        return ("/l/" + token, await db.PersonalLinks.Where(l => l.TokenHash == hash).Select(l => l.SubjectId).SingleAsync());
    }

    [BrowserFact]
    public async Task Occupant_OnA360PixelPhone_TapsEveryScoreAndSends_NoSidewaysScrollAnsweredAndStatisticsChange()
    {
        var (path, surveyId) = await LinkAsync(0);
        // The supervisor has the quarter's statistics open on a desk: nothing answered yet.
        await using var desk = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var statistics = await desk.NewPageAsync();
        await statistics.SignInAsync(factory.BaseUrl, SignIn.DemoEmail(Roles.Supervisor), DemoUsers.Password);
        await statistics.GotoAsync(factory.BaseUrl + "/surveys/statistics?quarter=" + SurveyAppFactory.Quarter);
        await statistics.WaitForInteractiveAsync();
        await Assertions.Expect(statistics.Locator("[data-testid=answered]")).ToHaveTextAsync("0");
        await Assertions.Expect(statistics.Locator("[data-testid=response-rate]")).ToHaveTextAsync(new Regex(@"^0(\.0)?%$"));
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            HasTouch = true,
            IsMobile = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(factory.BaseUrl + path);

        var items = page.Locator("fieldset.answer-item");
        Assert.Equal(6, await items.CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "The form scrolls sideways at 360px");
        var box = await items.First.Locator("label.answer-choice").First.BoundingBoxAsync();
        Assert.True(box is { Height: >= 44, Width: >= 44 }, $"Choices are too small to tap: {box?.Width}x{box?.Height}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "survey-answer-360.png"), FullPage = true });

        for (var i = 0; i < 6; i++)
            await items.Nth(i).Locator("label.answer-choice").Nth(i == 1 ? 0 : 4).TapAsync();
        await page.Locator("#answer-suggestion").FillAsync("希望增加儿童游乐设施");
        await page.Locator("[data-testid=answer-submit]").TapAsync();

        await Assertions.Expect(page.Locator("[data-testid=answer-message]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=answer-submit]")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid=answer-submit]")).ToHaveCountAsync(0);
        await using var db = await factory.CreateDbContextAsync();
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Scores).SingleAsync(s => s.Id == surveyId);
        Assert.Equal((SurveyStatus.Answered, AnswerChannel.Online), (survey.Status, survey.AnsweredVia));
        Assert.Equal([1, 5, 5, 5, 5, 5], survey.Scores.OrderBy(s => s.Id).Select(s => s.Score));
        Assert.Equal(1, await db.Rectifications.CountAsync(r => r.SurveyId == surveyId));

        await statistics.ReloadAsync();
        await statistics.WaitForInteractiveAsync();
        await Assertions.Expect(statistics.Locator("[data-testid=answered]")).ToHaveTextAsync("1");
        await Assertions.Expect(statistics.Locator("[data-testid=response-rate]")).Not.ToHaveTextAsync(new Regex(@"^0(\.0)?%$"));
        await Assertions.Expect(statistics.Locator("[data-testid=dissatisfied-unit]")).ToHaveCountAsync(1);
        await statistics.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "survey-statistics-after-answer.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task Clerk_TypesUnitEnterDigitsEnter_SavesAndIsBackAtTheUnitField()
    {
        var (_, surveyId) = await LinkAsync(1);
        var form = await factory.FormAsync(surveyId);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(factory.BaseUrl, SignIn.DemoEmail(Roles.Clerk), DemoUsers.Password);
        await page.GotoAsync(factory.BaseUrl + "/surveys/paper");
        await page.WaitForInteractiveAsync();
        var unit = page.Locator("input[data-testid=paper-unit]");
        await unit.FocusAsync();

        await page.Keyboard.TypeAsync(form.Unit);
        await page.Keyboard.PressAsync("Enter");
        var first = page.Locator($"input[data-testid=paper-score-{form.Items[0].Code}]");
        await Assertions.Expect(first).ToBeFocusedAsync();
        foreach (var digit in "251345")
            await page.Keyboard.TypeAsync(digit.ToString());
        await Assertions.Expect(page.Locator("input[data-testid=paper-comment]")).ToBeFocusedAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "survey-paper-typing-en.png"), FullPage = true });
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("[data-testid=paper-saved]")).ToHaveTextAsync(new Regex(Regex.Escape(form.Unit) + " saved"));
        await Assertions.Expect(unit).ToBeFocusedAsync();
        await Assertions.Expect(unit).ToHaveValueAsync("");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "survey-paper-en.png"), FullPage = true });
        await using var db = await factory.CreateDbContextAsync();
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Scores).SingleAsync(s => s.Id == surveyId);
        Assert.Equal((SurveyStatus.Answered, AnswerChannel.Paper), (survey.Status, survey.AnsweredVia));
        Assert.Equal([2, 5, 1, 3, 4, 5], form.Items.Select(i => survey.Scores.Single(s => s.ItemId == i.Id).Score));
    }
}
