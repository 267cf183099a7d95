using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.OccupantFile.Vip;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Queue;
using PropertyHub.Features.Registry;
using PropertyHub.Tests.Features.Reception;
using PropertyHub.Tests.Features.Registry;

namespace PropertyHub.Tests.Features.OccupantFile;

/// <summary>VIP service on SQLite: the profile's rules, shorter deadlines at intake, the service manager first, the review reminder once.</summary>
public sealed class VipServiceTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    private async Task<VipForm> FormAsync(VipCandidate who, int? complaintHours = null) => new()
    {
        OccupantId = who.OccupantId, Reason = "业委会委员", ServiceManagerId = await VipTesting.UserIdAsync(app, Roles.Supervisor),
        ComplaintReplyHours = complaintHours, ContactTimes = "工作日 18:00 后", ContactChannel = ContactChannel.WeChat,
        ReviewOn = VipTesting.Today(app).AddDays(30),
    };

    [Theory]
    [InlineData(73, null, nameof(VipForm.ComplaintReplyHours), "须在 1 至本小区的 72 小时之间：VIP 时限不得更长。")]
    [InlineData(null, 21, nameof(VipForm.CallBackMinutes), "须在 1 至本小区的 20 分钟之间：VIP 时限不得更长。")]
    [InlineData(0, null, nameof(VipForm.ComplaintReplyHours), "须在 1 至本小区的 72 小时之间：VIP 时限不得更长。")]
    public async Task Save_DeadlineLongerThanTheEstates_RefusedInChineseNothingWritten(int? complaintHours, int? callBackMinutes, string field, string message)
    {
        var who = await VipTesting.OccupantAsync(app, 20 + (complaintHours ?? 0) % 7 + (callBackMinutes ?? 0));
        var form = await FormAsync(who, complaintHours);
        form.CallBackMinutes = callBackMinutes;

        PropertyHub.Features.Registry.SaveResult<VipForm>? result = null;
        await RegistryTesting.InCultureAsync("zh-Hans", async () => result = await VipTesting.SaveAsync(app, Roles.Manager, form));

        Assert.Equal(SaveOutcome.Invalid, result!.Outcome);
        Assert.Equal(message, result.ErrorFor(field));
        Assert.Equal((0, false), await VipTesting.StoredAsync(app, who.OccupantId));
    }

    [Fact]
    public async Task Save_NoReasonNoManagerReviewPast_EachFieldsMessageNothingWritten()
    {
        var who = await VipTesting.OccupantAsync(app, 60);
        var result = await VipTesting.SaveAsync(app, Roles.Manager,
            new VipForm { OccupantId = who.OccupantId, Reason = " \u200B ", ServiceManagerId = "nobody", ReviewOn = VipTesting.Today(app).AddDays(-1) });

        Assert.Equal("Say why the occupant is a VIP.", result.ErrorFor(nameof(VipForm.Reason)));
        Assert.Equal("Choose the service manager from the active staff.", result.ErrorFor(nameof(VipForm.ServiceManagerId)));
        Assert.StartsWith("The review date may not be before today", result.ErrorFor(nameof(VipForm.ReviewOn)));
        Assert.Equal((0, false), await VipTesting.StoredAsync(app, who.OccupantId));
    }

    [Theory]
    [InlineData(Roles.Clerk)]
    [InlineData(Roles.Supervisor)]
    public async Task Save_NotTheManager_DeniedNothingWritten(string role)
    {
        var who = await VipTesting.OccupantAsync(app, 61);
        var result = await VipTesting.SaveAsync(app, role, await FormAsync(who));
        Assert.Equal(SaveOutcome.Denied, result.Outcome);
        Assert.Equal((0, false), await VipTesting.StoredAsync(app, who.OccupantId));
    }

    [Fact]
    public async Task VipComplaint_ShorterDeadline_ServiceManagerShownAndRaisedFirst_ThenSupervisorsThenManager()
    {
        var who = await VipTesting.OccupantAsync(app, 40);
        var saved = await VipTesting.SaveAsync(app, Roles.Manager, await FormAsync(who, complaintHours: 48));
        Assert.True(saved.Succeeded);
        Assert.Equal((1, true), await VipTesting.StoredAsync(app, who.OccupantId));

        var vip = await LogAsync(who, who.OccupantId);
        var ordinary = await LogAsync(who, occupantId: null);

        Assert.Equal(vip.ReceivedAt.AddHours(48), vip.DueAt);
        // The estate's ladder warns 24 h before 72 h; the VIP's 48 h keeps that share: 16 h before.
        Assert.Equal(vip.ReceivedAt.AddHours(32), vip.WarnAt);
        Assert.Equal(ordinary.ReceivedAt.AddHours(72), ordinary.DueAt);
        var supervisor = await app.InScope(async sp => (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>().FindByEmailAsync(SignIn.DemoEmail(Roles.Supervisor)))!.DisplayName);
        Assert.Equal(supervisor, vip.ServiceManagerName);
        Assert.Null(ordinary.ServiceManagerName);
        var page = await app.InScopeAs(Roles.Supervisor, sp => sp.GetRequiredService<QueueQueries>().GetPageAsync(new QueueFilter { EstateId = who.EstateId }, 0, 500));
        Assert.Equal(supervisor, page.Rows.Single(r => r.Id == vip.Id).ServiceManagerName);

        // At the warning time the VIP's item goes to the service manager, the ordinary one (warned later) not yet.
        app.Clock.SetUtcNow(vip.WarnAt!.Value);
        await app.SweepAsync();
        Assert.Equal(EscalationLevel.ServiceManager, (await app.LoadAsync(vip.Id)).Level);
        Assert.Equal(EscalationLevel.None, (await app.LoadAsync(ordinary.Id)).Level);

        // By hand one level up: the supervisors; at the deadline the sweep raises it to the manager, overdue.
        var stored = await app.LoadAsync(vip.Id);
        Assert.True((await app.ChangeAsync(r => r.EscalateAsync(vip.Id, stored.Version))).Succeeded);
        Assert.Equal(EscalationLevel.Supervisor, (await app.LoadAsync(vip.Id)).Level);
        app.Clock.SetUtcNow(vip.DueAt!.Value);
        await app.SweepAsync();
        var overdue = await app.LoadAsync(vip.Id);
        Assert.Equal((EscalationLevel.Manager, true), (overdue.Level, overdue.IsOverdue));
        Assert.Equal([EscalationLevel.ServiceManager, EscalationLevel.Supervisor, EscalationLevel.Manager],
            overdue.Timeline.Where(t => t.Kind == TimelineKind.Escalated).OrderBy(t => t.Id).Select(t => t.Level!.Value));
    }

    [Fact]
    public async Task ReviewReminder_DueDayRunTwiceAndAtOnce_OneReminderThenAgainForTheNextReview()
    {
        var who = await VipTesting.OccupantAsync(app, 45);
        var form = await FormAsync(who);
        Assert.True((await VipTesting.SaveAsync(app, Roles.Manager, form)).Succeeded);
        var reviewOn = form.ReviewOn!.Value;

        await RemindAsync(reviewOn.AddDays(-1));
        await Task.WhenAll(RemindAsync(reviewOn), RemindAsync(reviewOn), RemindAsync(reviewOn.AddDays(1)));

        await using (var db = await app.CreateDbContextAsync())
        {
            var profileId = await db.VipProfiles.Where(v => v.OccupantId == who.OccupantId).Select(v => v.Id).SingleAsync();
            Assert.Equal(1, await db.VipReviewReminders.CountAsync(r => r.VipProfileId == profileId));
            Assert.DoesNotContain(profileId, await RemindedOnAsync(db, reviewOn.AddDays(-1)));
        }
        var list = await app.InScopeAs(Roles.Manager, sp => sp.GetRequiredService<VipService>().GetListAsync(new PageRequest(0, 500)));
        Assert.NotNull(list.Rows.Single(r => r.OccupantId == who.OccupantId).RemindedAt);

        // The review is held and the next one set: reminded again when that date comes, once.
        var next = await app.InScopeAs(Roles.Manager, sp => sp.GetRequiredService<VipService>().GetFormAsync(who.OccupantId));
        next!.ReviewOn = reviewOn.AddDays(180);
        Assert.True((await VipTesting.SaveAsync(app, Roles.Manager, next)).Succeeded);
        await RemindAsync(reviewOn.AddDays(180));
        await RemindAsync(reviewOn.AddDays(181));
        await using var check = await app.CreateDbContextAsync();
        Assert.Equal([reviewOn, reviewOn.AddDays(180)],
            await check.VipReviewReminders.Where(r => check.VipProfiles.Any(v => v.Id == r.VipProfileId && v.OccupantId == who.OccupantId)).OrderBy(r => r.ReviewOn).Select(r => r.ReviewOn).ToListAsync());
    }

    private static async Task<List<int>> RemindedOnAsync(AppDbContext db, DateOnly day) =>
        await db.VipReviewReminders.Where(r => r.ReviewOn == day).Select(r => r.VipProfileId).ToListAsync();

    private Task<int> RemindAsync(DateOnly day) => app.InScope(sp => sp.GetRequiredService<VipReviewReminders>().RemindAsync(day));

    private async Task<ServiceRequest> LogAsync(VipCandidate who, int? occupantId)
    {
        var result = await app.LogAsync(app.Complaint() with { EstateId = who.EstateId, UnitId = who.UnitId, OccupantId = occupantId });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return await app.LoadAsync(result.Request!.Id);
    }
}
