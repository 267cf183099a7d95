using System.Net;

namespace PropertyHub.Tests.Features.Languages;

public sealed class CultureEndpointTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Culture_TraditionalChosen_SetsCookieAndLoginPageSpeaksTraditional()
    {
        var client = factory.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var response = await client.GetAsync("/culture?culture=zh-Hant&redirectUri=/account/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal) && c.Contains("zh-Hant"));
        // Blazor writes CJK text as character references.
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/account/login"));
        Assert.Contains("登入", html);
        Assert.Contains("lang=\"zh-Hant\"", html);
    }

    [Theory]
    [InlineData("zh-TW", "登入", "zh-Hant")]
    [InlineData("zh-CN", "登录", "zh-Hans")]
    [InlineData("en-US", "Sign in", "en")]
    public async Task LoginPage_AcceptLanguageWithoutCookie_FollowsTheBrowser(string acceptLanguage, string expectedText, string expectedLang)
    {
        var client = factory.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);

        // Blazor writes CJK text as character references.
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/account/login"));

        Assert.Contains(expectedText, html);
        Assert.Contains($"lang=\"{expectedLang}\"", html);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Culture_OffSiteRedirect_GoesHomeInstead(string redirectUri)
    {
        var client = factory.NewClient();

        var response = await client.GetAsync($"/culture?culture=en&redirectUri={Uri.EscapeDataString(redirectUri)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Culture_UnsupportedCulture_IsRejected()
    {
        var response = await factory.NewClient().GetAsync("/culture?culture=fr&redirectUri=/");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
