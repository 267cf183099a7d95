using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.Registry;

[Collection(BrowserCollection.Name)]
public sealed class RegistryBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<IPage> SignedInPageAsync(string role)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseUrl, SignIn.DemoEmail(role), DemoUsers.Password);
        return page;
    }

    private async Task<Occupant> OccupantAsync(int skip)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Occupants.AsNoTracking().Where(o => o.Phone != null).OrderBy(o => o.Id).Skip(skip).FirstAsync();
    }

    /// <summary>
    /// Waits for the unit page by polling the address: the router changes it in place (pushState), which
    /// WaitForURLAsync does not always notice.
    /// </summary>
    private static async Task AtUnitAsync(IPage page, Occupant occupant)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/units/{occupant.UnitId}$"));
        await Assertions.Expect(page.GetByTestId("occupant").Filter(new() { HasText = occupant.Name })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task HomeSearch_TypePhoneAndClickHit_OpensTheOccupantsUnit()
    {
        var occupant = await OccupantAsync(20);
        var page = await SignedInPageAsync(Roles.Clerk);
        await page.GetByTestId("occupant-search").FillAsync(occupant.Phone!);
        var hit = page.GetByTestId("search-hit");
        await Assertions.Expect(hit).ToHaveCountAsync(1);
        await Assertions.Expect(hit).ToContainTextAsync(occupant.Name);
        await hit.ClickAsync();
        await AtUnitAsync(page, occupant);
    }

    [BrowserFact]
    public async Task OccupantsSearch_Enter_OpensFirstHit()
    {
        var occupant = await OccupantAsync(21);
        var page = await SignedInPageAsync(Roles.Clerk);
        await page.GotoAsync(app.BaseUrl + "/occupants");
        await page.WaitForInteractiveAsync();
        var box = page.GetByTestId("occupant-search");
        await box.FillAsync(occupant.Phone!);
        await box.PressAsync("Enter");
        await AtUnitAsync(page, occupant);
    }

    [BrowserFact]
    public async Task UnitPage_AddOccupantWithBadPhone_ShowsChineseMessageThenSaves()
    {
        var occupant = await OccupantAsync(22);
        var page = await SignedInPageAsync(Roles.Clerk);
        await page.GotoAsync($"{app.BaseUrl}/units/{occupant.UnitId}");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("add-occupant").ClickAsync();
        await page.GetByTestId("occupant-name").FillAsync("测试租户");
        await page.GetByTestId("occupant-phone").FillAsync("abc");
        await page.GetByTestId("occupant-phone").PressAsync("Enter");
        await Assertions.Expect(page.GetByText("请输入有效的手机号（11 位）或固定电话（如 0591-12345678）。")).ToBeVisibleAsync();
        await page.GetByTestId("occupant-phone").FillAsync("13955550001");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("occupant").Filter(new() { HasText = "测试租户" })).ToContainTextAsync("13955550001");

        await using var db = await app.CreateDbContextAsync();
        Assert.True(await db.Occupants.AnyAsync(o => o.UnitId == occupant.UnitId && o.Name == "测试租户" && o.Phone == "13955550001"));
    }

    [BrowserFact]
    public async Task EstatesPage_NewUnitWithTakenNumber_ShowsDuplicateThenAddsToGrid()
    {
        var page = await SignedInPageAsync(Roles.Supervisor);
        await page.GotoAsync(app.BaseUrl + "/estates");
        await page.WaitForInteractiveAsync();
        var building = page.GetByTestId("building").Filter(new() { HasText = "1号楼" });
        await building.GetByText("1号楼").ClickAsync();
        await building.GetByTestId("new-unit").ClickAsync();
        var form = page.GetByTestId("unit-form");
        await form.Locator("input").First.FillAsync("1201");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(form).ToContainTextAsync("本楼栋已有单元 1201。");
        await form.Locator("input").First.FillAsync("2101");
        await form.Locator("input").Nth(1).FillAsync("21");
        await form.Locator("input").Nth(2).FillAsync("88.5");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(building.GetByTestId("units-grid")).ToContainTextAsync("1-2101");
    }
}
