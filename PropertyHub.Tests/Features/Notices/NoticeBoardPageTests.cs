using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Notices;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Resources;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Notices;

/// <summary>The estate's notice board: all staff read it, supervisors, managers and admins post on it.</summary>
public sealed class NoticeBoardPageTests(NoticesApp app) : IClassFixture<NoticesApp>
{
    private static BunitContext NewContext(IServiceProvider services, string role)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(services.GetRequiredService<NoticeService>());
        ctx.Services.AddSingleton(services.GetRequiredService<EstateTime>());
        ctx.AddAuthorization().SetAuthorized("staff").SetAccess(role);
        return ctx;
    }

    private Task<int> FirstEstateAsync() =>
        app.InScope(async sp => (await sp.GetRequiredService<NoticeService>().EstatesAsync())[0].Id);

    private async Task<int> BoardCountAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Notices.CountAsync(n => n.Channel == NoticeChannel.Board);
    }

    [Fact]
    public async Task BoardPage_SupervisorPosts_NoticeAppearsOnBoardAndIsStoredAsSentBoardNotice()
    {
        var estateId = await FirstEstateAsync();
        var subject = $"Water off on Friday {Guid.NewGuid():N}";
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Supervisor);
        await using var ctx = NewContext(scope.ServiceProvider, Roles.Supervisor);

        var page = ctx.Render<BoardPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=board-post]")));
        Assert.DoesNotContain(subject, page.Markup, StringComparison.Ordinal);
        await page.Find("input[data-testid=board-subject]").ChangeAsync(new() { Value = "  " + subject + " " });
        await page.Find("textarea[data-testid=board-body]").ChangeAsync(new() { Value = "The water is off from 9 to 12.\nSorry for the trouble." });
        await page.Find("[data-testid=board-post]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=board-notice]"),
            n => n.TextContent.Contains(subject, StringComparison.Ordinal) && n.TextContent.Contains("Sorry for the trouble.", StringComparison.Ordinal)));
        await using var db = await app.CreateDbContextAsync();
        var stored = await db.Notices.AsNoTracking().SingleAsync(n => n.Subject == subject);
        Assert.Equal(NoticeChannel.Board, stored.Channel);
        Assert.Equal(NoticeStatus.Sent, stored.Status);
        Assert.Equal(estateId, stored.EstateId);
        Assert.Equal("The water is off from 9 to 12.\nSorry for the trouble.", stored.Body);
        Assert.NotNull(stored.SentAt);
        Assert.Empty(page.Find("input[data-testid=board-subject]").GetAttribute("value") ?? "");
    }

    [Theory]
    [InlineData("", "Body without a title")]
    [InlineData("Title without a body", "")]
    [InlineData("   ", "Blank title")]
    public async Task BoardPage_EmptyTitleOrBody_RefusedWithMessageAndNothingStored(string subject, string body)
    {
        var before = await BoardCountAsync();
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Supervisor);
        await using var ctx = NewContext(scope.ServiceProvider, Roles.Supervisor);
        var required = ctx.Services.GetRequiredService<IStringLocalizer<NoticesText>>()["Required"].Value;

        var page = ctx.Render<BoardPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=board-post]")));
        await page.Find("input[data-testid=board-subject]").ChangeAsync(new() { Value = subject });
        await page.Find("textarea[data-testid=board-body]").ChangeAsync(new() { Value = body });
        await page.Find("[data-testid=board-post]").ClickAsync(new());

        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(body))
            page.WaitForAssertion(() => Assert.Contains(page.FindAll(".mud-input-helper-text"), h => h.TextContent.Contains(required, StringComparison.Ordinal)));
        Assert.Equal(before, await BoardCountAsync());
    }

    [Fact]
    public async Task BoardPage_Clerk_ReadsTheBoardButHasNoPostForm()
    {
        var estateId = await FirstEstateAsync();
        var subject = $"Lift maintenance {Guid.NewGuid():N}";
        await app.InScopeAs(Roles.Manager, sp => sp.GetRequiredService<NoticeService>()
            .PostAsync(estateId, new NoticeText(subject, "Lift B is serviced on Monday."), "en"));
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Clerk);
        await using var ctx = NewContext(scope.ServiceProvider, Roles.Clerk);

        var page = ctx.Render<BoardPage>();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=board-notice]"), n => n.TextContent.Contains(subject, StringComparison.Ordinal)));
        Assert.Empty(page.FindAll("[data-testid=board-post]"));
        Assert.Empty(page.FindAll("[data-testid=board-subject]"));
        Assert.Empty(page.FindComponents<BoardPostForm>());
    }
}
