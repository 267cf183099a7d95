using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;
using PropertyHub.Tests.Features.Notices;

namespace PropertyHub.Tests.Features.PersonalLinks;

/// <summary>Staff revoke an occupant's personal link and re-issue it from the unit page (<see cref="OccupantLinks"/>).</summary>
public sealed class OccupantLinksTests : IAsyncLifetime
{
    private readonly NoticesApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => app.DisposeAsync();

    /// <summary>A survey link to an occupant with e-mail and a mobile, and its two notices waiting to be sent.</summary>
    private async Task<(Occupant Occupant, PersonalLink Link, string Url, List<Notice> Notices)> IssueAsync(string language = "en")
    {
        var occupant = await app.AddOccupantAsync(email: NoticesApp.NewEmail(), phone: NoticesApp.NewMobile(), language: language, name: "Lin Mei");
        var links = app.App.Services.GetRequiredService<NoticeLinks>();
        var baseUrl = app.App.Services.GetRequiredService<IOptions<PersonalLinkOptions>>().Value.PublicBaseUrl;
        await using var db = await app.CreateDbContextAsync();
        var url = PersonalLinkService.Add(db, LinkPurpose.Survey, 4711, occupant.Id, app.Clock.GetUtcNow(), TimeSpan.FromDays(60), baseUrl);
        var notices = NoticeOutbox.AddForOccupant(db, occupant, new NoticePlace(app.EstateId, app.BuildingId), "survey",
            $"survey:2026-Q4:{Guid.NewGuid():N}", NoticesApp.Text, app.Clock.GetUtcNow(), links.Seal(url)).ToList();
        await db.SaveChangesAsync();
        var link = await db.PersonalLinks.AsNoTracking().SingleAsync(l => l.OccupantId == occupant.Id);
        return (occupant, link, url, notices);
    }

    private Task<LinkResolution> ResolveAsync(string url) =>
        app.InScope(sp => sp.GetRequiredService<PersonalLinkService>().ResolveAsync(StoredTokens.TokenOf(url), LinkPurpose.Survey));

    [Fact]
    public async Task Reissue_BySupervisor_OldLinkRevokedAndTakenOutOfItsNoticesNewLinkSentThroughTheOccupantsChannels()
    {
        var (occupant, link, url, notices) = await IssueAsync();

        var reissued = await app.InScopeAs(Roles.Supervisor, sp => sp.GetRequiredService<OccupantLinks>().ReissueAsync(link.Id, link.Version));

        Assert.NotNull(reissued);
        Assert.Equal(LinkState.Revoked, (await ResolveAsync(url)).State);
        foreach (var old in notices)
        {
            var stored = await app.LoadAsync(old.Id);
            Assert.Null(stored.SealedLink);
            Assert.Equal(NoticeStatus.Cancelled, stored.Status);
        }
        await using var db = await app.CreateDbContextAsync();
        var sent = await db.Notices.AsNoTracking().Where(n => n.OccupantId == occupant.Id && n.Kind == OccupantLinks.ReissueKind).ToListAsync();
        Assert.Equal(new[] { NoticeChannel.Email, NoticeChannel.Sms }, sent.Select(n => n.Channel).Order());
        Assert.All(sent, n => Assert.Equal(NoticeStatus.Pending, n.Status));
        Assert.All(sent, n => Assert.Contains("Lin Mei", n.Body));
        var links = app.App.Services.GetRequiredService<NoticeLinks>();
        var newUrl = Assert.Single(sent.Select(links.Open).Distinct());
        Assert.NotEqual(url, newUrl);
        var resolved = await ResolveAsync(newUrl!);
        Assert.Equal(LinkState.Valid, resolved.State);
        Assert.Equal((4711, occupant.Id, TimeSpan.FromDays(60)), (resolved.Link!.SubjectId, resolved.Link.OccupantId, resolved.Link.ExpiresAt - resolved.Link.CreatedAt));
        Assert.Equal(reissued.Id, resolved.Link.Id);
        // Only hashes and sealed links in the database.
        Assert.Empty(StoredTokens.FoundInDatabase(app.Factory.EffectiveConnectionString, new HashSet<string> { StoredTokens.TokenOf(url), StoredTokens.TokenOf(newUrl!) }));
    }

    [Fact]
    public async Task Revoke_BySupervisor_LinkRefusedAndWaitingNoticesNoLongerCarryIt_AStaleVersionChangesNothing()
    {
        var (_, link, url, notices) = await IssueAsync();
        var other = await IssueAsync();

        Assert.True(await app.InScopeAs(Roles.Supervisor, sp => sp.GetRequiredService<OccupantLinks>().RevokeAsync(link.Id, link.Version)));
        Assert.False(await app.InScopeAs(Roles.Supervisor, sp => sp.GetRequiredService<OccupantLinks>().RevokeAsync(other.Link.Id, other.Link.Version - 1)));

        Assert.Equal(LinkState.Revoked, (await ResolveAsync(url)).State);
        foreach (var notice in notices)
            Assert.Null((await app.LoadAsync(notice.Id)).SealedLink);
        Assert.Equal(LinkState.Valid, (await ResolveAsync(other.Url)).State);
        foreach (var notice in other.Notices)
            Assert.NotNull((await app.LoadAsync(notice.Id)).SealedLink);
        var rows = await app.InScopeAs(Roles.Supervisor, sp => sp.GetRequiredService<OccupantLinks>().ForOccupantAsync(other.Occupant.Id));
        Assert.Equal(LinkState.Valid, Assert.Single(rows).State);
    }

    [Theory]
    [InlineData(Roles.Clerk)]
    [InlineData(Roles.Engineer)]
    public async Task RevokeAndReissue_ByRoleThatDoesNotManageNotices_ChangeNothing(string role)
    {
        var (occupant, link, url, notices) = await IssueAsync();

        Assert.False(await app.InScopeAs(role, sp => sp.GetRequiredService<OccupantLinks>().RevokeAsync(link.Id, link.Version)));
        Assert.Null(await app.InScopeAs(role, sp => sp.GetRequiredService<OccupantLinks>().ReissueAsync(link.Id, link.Version)));

        Assert.Equal(LinkState.Valid, (await ResolveAsync(url)).State);
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(notices.Count, await db.Notices.CountAsync(n => n.OccupantId == occupant.Id && n.SealedLink != null));
        Assert.Equal(1, await db.PersonalLinks.CountAsync(l => l.OccupantId == occupant.Id));
        Assert.Empty(await app.InScopeAs(role, sp => sp.GetRequiredService<OccupantLinks>().ForOccupantAsync(occupant.Id)));
    }

    [Fact]
    public async Task Reissue_ClickedTwiceOnTheRevokedLink_OneNewLinkOnly()
    {
        var (occupant, link, _, _) = await IssueAsync();
        Assert.True(await app.InScopeAs(Roles.Supervisor, sp => sp.GetRequiredService<OccupantLinks>().RevokeAsync(link.Id, link.Version)));
        await using (var read = await app.CreateDbContextAsync())
            link = await read.PersonalLinks.AsNoTracking().SingleAsync(l => l.Id == link.Id);

        var first = await app.InScopeAs(Roles.Supervisor, sp => sp.GetRequiredService<OccupantLinks>().ReissueAsync(link.Id, link.Version));
        var second = await app.InScopeAs(Roles.Supervisor, sp => sp.GetRequiredService<OccupantLinks>().ReissueAsync(link.Id, link.Version));

        Assert.NotNull(first);
        Assert.Null(second);
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(2, await db.PersonalLinks.CountAsync(l => l.OccupantId == occupant.Id));
        var rows = await app.InScopeAs(Roles.Supervisor, sp => sp.GetRequiredService<OccupantLinks>().ForOccupantAsync(occupant.Id));
        Assert.True(rows.Single(r => r.Id == link.Id).Replaced);
        Assert.False(rows.Single(r => r.Id == first.Id).Replaced);
    }

    /// <summary>The unit page's panel, with the services of a scope signed in as <paramref name="role"/>.</summary>
    private static BunitContext PanelContext(IServiceProvider scope, string role)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(scope.GetRequiredService<OccupantLinks>());
        ctx.Services.AddSingleton(scope.GetRequiredService<EstateTime>());
        ctx.AddAuthorization().SetAuthorized(role).SetAccess(role);
        return ctx;
    }

    [Fact]
    public async Task UnitPagePanel_SupervisorRevokes_LinkShownRevokedAndRefused()
    {
        var (occupant, _, url, _) = await IssueAsync();
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Supervisor);
        await using var ctx = PanelContext(scope.ServiceProvider, Roles.Supervisor);

        var dialogs = ctx.Render<MudBlazor.MudDialogProvider>();
        var panel = ctx.Render<OccupantLinkList>(p => p.Add(c => c.OccupantId, occupant.Id).Add(c => c.EstateId, app.EstateId));
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-testid=occupant-links]")));
        await panel.Find(".mud-expand-panel-header").ClickAsync(new());
        // The click waits for the answer to its question: answer it, then let the click finish.
        var revoking = panel.Find("[data-testid=link-revoke]").ClickAsync(new());

        // Asked first: nothing is revoked until the question is answered.
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog button")));
        Assert.Equal(LinkState.Valid, (await ResolveAsync(url)).State);
        await dialogs.FindAll(".mud-dialog button").Last().ClickAsync(new());
        await revoking.WaitAsync(TimeSpan.FromSeconds(30));

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("[data-testid=link-revoke]")));
        Assert.Single(panel.FindAll("[data-testid=link-reissue]"));
        Assert.Equal(LinkState.Revoked, (await ResolveAsync(url)).State);
    }

    [Fact]
    public async Task UnitPagePanel_ForClerk_NotShown()
    {
        var (occupant, _, _, _) = await IssueAsync();
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Clerk);
        await using var ctx = PanelContext(scope.ServiceProvider, Roles.Clerk);

        var panel = ctx.Render<OccupantLinkList>(p => p.Add(c => c.OccupantId, occupant.Id).Add(c => c.EstateId, app.EstateId));

        Assert.Empty(panel.FindAll("[data-testid=occupant-links]"));
        Assert.Empty(panel.FindAll("[data-testid=link-revoke]"));
    }
}
