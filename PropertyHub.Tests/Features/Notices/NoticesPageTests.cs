using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Notices;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Resources;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Notices;

/// <summary>The notices list: filters, re-sending failed notices and cancelling pending ones.</summary>
public sealed class NoticesPageTests(NoticesApp app) : IClassFixture<NoticesApp>
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

    private static IRenderedComponent<NoticesPage> RenderPage(BunitContext ctx)
    {
        var host = ctx.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<NoticesPage>(1);
            b.CloseComponent();
        });
        return host.FindComponent<NoticesPage>();
    }

    private async Task<Notice> NoticeWithStatusAsync(NoticeStatus status)
    {
        var notice = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(email: NoticesApp.NewEmail())));
        await using var db = await app.CreateDbContextAsync();
        var stored = await db.Notices.SingleAsync(n => n.Id == notice.Id);
        if (status == NoticeStatus.Failed)
        {
            stored.Status = NoticeStatus.Failed;
            stored.Attempts = NoticeDelivery.MaxAttempts;
            stored.LastError = "SmtpCommandException: Mailbox unavailable";
            stored.NextAttemptAt = null;
            await db.SaveChangesAsync();
        }
        Assert.Equal(status, stored.Status);
        return await app.LoadAsync(notice.Id);
    }

    private static Task FilterStatusAsync(IRenderedComponent<NoticesPage> page, NoticeStatus? status)
    {
        var select = page.FindComponents<MudSelect<NoticeStatus?>>().Single();
        return page.InvokeAsync(() => select.Instance.SelectOption(status));
    }

    [Fact]
    public async Task NoticesPage_SupervisorFiltersFailed_SeesOnlyFailedAndResendsOne()
    {
        var failed = await NoticeWithStatusAsync(NoticeStatus.Failed);
        var pending = await NoticeWithStatusAsync(NoticeStatus.Pending);
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Supervisor);
        await using var ctx = NewContext(scope.ServiceProvider, Roles.Supervisor);
        var t = ctx.Services.GetRequiredService<IStringLocalizer<NoticesText>>();

        var page = RenderPage(ctx);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=notice-cancel]")));
        await FilterStatusAsync(page, NoticeStatus.Failed);

        int failedCount;
        await using (var db = await app.CreateDbContextAsync())
            failedCount = Math.Min(25, await db.Notices.CountAsync(n => n.Status == NoticeStatus.Failed));
        page.WaitForAssertion(() => Assert.Equal(failedCount, page.FindAll("[data-testid=notice-status]").Count));
        Assert.All(page.FindAll("[data-testid=notice-status]"), chip => Assert.Equal(t.Of(NoticeStatus.Failed), chip.TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=notice-cancel]"));
        Assert.Equal(failedCount, page.FindAll("[data-testid=notice-resend]").Count);

        // Newest first: the notice made above is the first row, its failure in words.
        Assert.Contains(t["Failure_AddressRejected"], page.FindAll("[data-testid=notices-table] tbody tr")[0].TextContent, StringComparison.Ordinal);
        await page.FindAll("[data-testid=notice-resend]")[0].ClickAsync(new());

        var stored = await app.LoadAsync(failed.Id);
        Assert.Equal(NoticeStatus.Pending, stored.Status);
        Assert.Equal(0, stored.Attempts);
        Assert.Equal(NoticeStatus.Pending, (await app.LoadAsync(pending.Id)).Status);
        page.WaitForAssertion(() => Assert.Equal(failedCount - 1, page.FindAll("[data-testid=notice-resend]").Count));
    }

    [Fact]
    public async Task NoticesPage_SupervisorCancelsPending_NoticeIsCancelled()
    {
        var other = await NoticeWithStatusAsync(NoticeStatus.Pending);
        var pending = await NoticeWithStatusAsync(NoticeStatus.Pending);
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Supervisor);
        await using var ctx = NewContext(scope.ServiceProvider, Roles.Supervisor);

        var page = RenderPage(ctx);
        await FilterStatusAsync(page, NoticeStatus.Pending);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=notice-cancel]")));
        var before = page.FindAll("[data-testid=notice-cancel]").Count;

        // Newest first: the notice made last is the first row.
        await page.FindAll("[data-testid=notice-cancel]")[0].ClickAsync(new());

        var stored = await app.LoadAsync(pending.Id);
        Assert.Equal(NoticeStatus.Cancelled, stored.Status);
        Assert.Null(stored.NextAttemptAt);
        Assert.Equal(pending.Version + 1, stored.Version);
        Assert.Equal(NoticeStatus.Pending, (await app.LoadAsync(other.Id)).Status);
        page.WaitForAssertion(() => Assert.Equal(before - 1, page.FindAll("[data-testid=notice-cancel]").Count));
    }

    [Fact]
    public async Task NoticesPage_KindsInWords_SearchMatchingNothingSaysNothingMatchesTheFilters()
    {
        await NoticeWithStatusAsync(NoticeStatus.Pending);
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Supervisor);
        await using var ctx = NewContext(scope.ServiceProvider, Roles.Supervisor);
        var t = ctx.Services.GetRequiredService<IStringLocalizer<NoticesText>>();

        var page = RenderPage(ctx);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=notice-kind]")));
        Assert.Equal(t["Kind_survey"], page.FindAll("[data-testid=notice-kind]")[0].TextContent.Trim());
        Assert.DoesNotContain(page.FindAll("[data-testid=notice-kind]"), k => k.TextContent.Trim() == "survey");

        var search = page.FindComponents<MudTextField<string>>().Single(f => f.Instance.UserAttributes.TryGetValue("data-testid", out var id) && (string?)id == "notices-search");
        await page.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync("no-such-notice-" + Guid.NewGuid().ToString("N")));

        page.WaitForAssertion(() => Assert.Equal(t["NoNoticesFiltered"], page.Find("[data-testid=notices-none]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=notice-status]"));
    }

    [Fact]
    public async Task CancelAsync_Clerk_RefusedAndNothingChanges()
    {
        var pending = await NoticeWithStatusAsync(NoticeStatus.Pending);

        var cancelled = await app.InScopeAs(Roles.Clerk, sp => sp.GetRequiredService<NoticeService>().CancelAsync(pending.Id, pending.Version));

        Assert.False(cancelled);
        var stored = await app.LoadAsync(pending.Id);
        Assert.Equal(NoticeStatus.Pending, stored.Status);
        Assert.Equal(pending.Version, stored.Version);
        Assert.Equal(pending.NextAttemptAt, stored.NextAttemptAt);
    }
}
