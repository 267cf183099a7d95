using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Ledger;
using PropertyHub.Resources;

namespace PropertyHub.Tests.Features.Reception;

/// <summary>An item closes with the reply given, or with a reason from the list; never silently.</summary>
public sealed class CloseReasonTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    private Task<ReceptionResult> AsSupervisor(Func<ReceptionService, Task<ReceptionResult>> action) => app.InScope(async sp =>
    {
        await ActingAs.SignInScopeAsync(sp, Roles.Supervisor);
        return await action(sp.GetRequiredService<ReceptionService>());
    });

    [Fact]
    public async Task Close_WithoutAReason_RefusedAndStaysOpenWithNothingOnTheTimeline()
    {
        var item = await app.LogComplaintAsync();

        var result = await AsSupervisor(s => s.CloseAsync(item.Id, item.Version, null, "done"));

        Assert.Equal(ReceptionOutcome.Invalid, result.Outcome);
        Assert.Equal("CloseReason", result.Errors[0].Field);
        var stored = await app.LoadAsync(item.Id);
        Assert.Equal(RequestStatus.Open, stored.Status);
        Assert.DoesNotContain(stored.Timeline, t => t.Kind == TimelineKind.Closed);
    }

    [Fact]
    public async Task Close_OtherWithoutARemark_RefusedAndStaysOpen()
    {
        var item = await app.LogComplaintAsync();

        var result = await AsSupervisor(s => s.CloseAsync(item.Id, item.Version, CloseReason.Other, "   "));

        Assert.Equal("CloseRemark", Assert.Single(result.Errors).Field);
        Assert.Equal(RequestStatus.Open, (await app.LoadAsync(item.Id)).Status);
    }

    [Fact]
    public async Task Close_AnUndefinedReason_Refused()
    {
        var item = await app.LogComplaintAsync();

        var result = await AsSupervisor(s => s.CloseAsync(item.Id, item.Version, (CloseReason)42, null));

        Assert.Equal(ReceptionOutcome.Invalid, result.Outcome);
        Assert.Equal(RequestStatus.Open, (await app.LoadAsync(item.Id)).Status);
    }

    [Fact]
    public async Task Close_WithAReasonTwice_ClosedOnceWithTheReasonOnTheItemTheTimelineAndTheLedger()
    {
        var item = await app.LogComplaintAsync();

        var first = await AsSupervisor(s => s.CloseAsync(item.Id, item.Version, CloseReason.Duplicate, "Same as the call at 09:12"));
        var second = await AsSupervisor(s => s.CloseAsync(item.Id, first.Request!.Version, CloseReason.Withdrawn, null));

        Assert.True(first.Succeeded);
        Assert.True(second.Succeeded);
        var stored = await app.LoadAsync(item.Id);
        Assert.Equal((RequestStatus.Closed, CloseReason.Duplicate), (stored.Status, stored.CloseReason));
        var closed = Assert.Single(stored.Timeline, t => t.Kind == TimelineKind.Closed);
        Assert.Equal((CloseReason.Duplicate, "Same as the call at 09:12"), (closed.CloseReason, closed.Text));

        var format = app.App.Services.CreateScope().ServiceProvider.GetRequiredService<LedgerFormat>();
        using var culture = new CultureScope("en");
        var handling = format.Handling(app.EstateId, new LedgerHandling(stored.Kind, false, null, null, null, stored.Level, null, stored.Status, stored.CloseReason));
        Assert.Contains("closed without reply: Duplicate of another item", handling);
    }

    [Fact]
    public async Task Reopen_AfterACloseWithAReason_ForgetsTheReasonButTheTimelineKeepsIt()
    {
        var item = await app.LogComplaintAsync();
        var closed = await AsSupervisor(s => s.CloseAsync(item.Id, item.Version, CloseReason.Unreachable, null));

        var reopened = await AsSupervisor(s => s.ReopenAsync(item.Id, closed.Request!.Version, "The caller rang back"));

        Assert.True(reopened.Succeeded);
        var stored = await app.LoadAsync(item.Id);
        Assert.Equal(RequestStatus.Open, stored.Status);
        Assert.Null(stored.CloseReason);
        Assert.Contains(stored.Timeline, t => t.Kind == TimelineKind.Closed && t.CloseReason == CloseReason.Unreachable);
    }

    /// <summary>Sets the UI culture for the labels, restoring the previous one.</summary>
    private sealed class CultureScope : IDisposable
    {
        private readonly System.Globalization.CultureInfo previous = System.Globalization.CultureInfo.CurrentUICulture;

        public CultureScope(string name) => System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(name);

        public void Dispose() => System.Globalization.CultureInfo.CurrentUICulture = previous;
    }
}
