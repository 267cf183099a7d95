using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Components.Layout;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Components.Layout;

public sealed class MainLayoutTests
{
    [Fact]
    public async Task MainLayout_Admin_ShowsAdministrationLinks()
    {
        await using var ctx = NewContext(Roles.Admin);
        var cut = RenderLayout(ctx);
        Assert.NotEmpty(cut.FindAll("a[href='/admin/users']"));
        Assert.NotEmpty(cut.FindAll("a[href='/admin/calendar']"));
        Assert.NotEmpty(cut.FindAll("a[href='/jobs']"));
        Assert.Contains("page body", cut.Markup);
    }

    [Fact]
    public async Task MainLayout_Clerk_HidesAdministrationAndJobsLinks()
    {
        await using var ctx = NewContext(Roles.Clerk);
        var cut = RenderLayout(ctx);
        Assert.Empty(cut.FindAll("a[href='/admin/users']"));
        Assert.Empty(cut.FindAll("a[href='/admin/calendar']"));
        Assert.Empty(cut.FindAll("a[href='/jobs']"));
        Assert.NotEmpty(cut.FindAll("a[href='/registry/import']"));
        Assert.NotEmpty(cut.FindAll("a[href='/']"));
    }

    [Fact]
    public async Task MainLayout_Supervisor_SeesJobsButNotAdministration()
    {
        await using var ctx = NewContext(Roles.Supervisor);
        var cut = RenderLayout(ctx);
        Assert.NotEmpty(cut.FindAll("a[href='/jobs']"));
        Assert.Empty(cut.FindAll("a[href='/admin/users']"));
    }

    private static BunitContext NewContext(string role)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.AddAuthorization().SetAuthorized("someone@demo.local").SetAccess(role);
        return ctx;
    }

    private static IRenderedComponent<MainLayout> RenderLayout(BunitContext ctx) =>
        ctx.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));
}
