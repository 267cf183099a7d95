using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PropertyHub.Features.Languages;

namespace PropertyHub.Tests.Features.Languages;

public sealed class CultureSwitcherTests
{
    [Fact]
    public async Task CultureSwitcher_Opened_OffersTheThreeLanguagesLinkingToTheCultureEndpoint()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>().NavigateTo("/estates?page=2");
        var cut = ctx.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<CultureSwitcher>(1);
            b.CloseComponent();
        });

        cut.Find("button").Click();

        var links = cut.FindAll("[data-culture]");
        Assert.Equal(Cultures.All, links.Select(l => l.GetAttribute("data-culture")));
        var hrefs = cut.FindAll("a[href^='/culture']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(3, hrefs.Count);
        foreach (var culture in Cultures.All)
            Assert.Contains($"/culture?culture={culture}&redirectUri=%2Festates%3Fpage%3D2", hrefs);
        Assert.Contains("繁體中文", cut.Markup);
        Assert.Contains("简体中文", cut.Markup);
        Assert.Contains("English", cut.Markup);
    }
}
