using System.Net;
using Bunit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Notices;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Tests.Testing;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Notices;

public sealed class LetterPagesTests(NoticesApp app) : IClassFixture<NoticesApp>
{
    private async Task<HttpClient> ClientForRoleAsync(string role)
    {
        var client = app.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostLoginAsync(SignIn.DemoEmail(role), DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private async Task<int> OtherBuildingIdAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Buildings.Where(b => b.Id != app.BuildingId).Select(b => b.Id).FirstAsync();
    }

    [Fact]
    public async Task PrintView_ForClerk_ShowsOneLetterPerPendingLetterOfTheBuilding()
    {
        var pending = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(name: "赵六", language: "zh-Hant")));
        var client = await ClientForRoleAsync(Roles.Clerk);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/notices/letters/print/{app.BuildingId}"));
        var other = await client.GetStringAsync($"/notices/letters/print/{await OtherBuildingIdAsync()}");

        Assert.Contains($"data-notice-id=\"{pending.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("尊敬的赵六", html, StringComparison.Ordinal);
        Assert.Contains("業戶評議表", html, StringComparison.Ordinal);
        Assert.Contains("page-break-after: always", html, StringComparison.Ordinal);
        Assert.Contains("Noto Sans CJK SC", html, StringComparison.Ordinal);
        Assert.Contains("data-print", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"data-notice-id=\"{pending.Id}\"", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LettersPages_ForEngineer_NotShown()
    {
        var client = await ClientForRoleAsync(Roles.Engineer);

        var print = await client.GetAsync($"/notices/letters/print/{app.BuildingId}");
        var notices = await client.GetAsync("/notices");

        Assert.NotEqual(HttpStatusCode.OK, print.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, notices.StatusCode);
    }

    [Fact]
    public async Task LettersPage_MarkBatchDelivered_SetsTheListedLettersSent()
    {
        var first = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(name: "孙七")));
        var second = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(name: "周八")));
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Clerk);
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<NoticeService>());
        ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<EstateTime>());
        ctx.AddAuthorization().SetAuthorized("clerk").SetAccess(Roles.Clerk);
        var page = ctx.Render<LettersPage>();

        page.WaitForAssertion(() => Assert.Contains("孙七", page.Find("[data-testid=letters-table]").TextContent, StringComparison.Ordinal));
        Assert.Contains("周八", page.Find("[data-testid=letters-table]").TextContent, StringComparison.Ordinal);
        await page.Find("[data-testid=letters-mark-delivered]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=letters-none]")));
        Assert.Equal(NoticeStatus.Sent, (await app.LoadAsync(first.Id)).Status);
        Assert.Equal(NoticeStatus.Sent, (await app.LoadAsync(second.Id)).Status);
    }
}
