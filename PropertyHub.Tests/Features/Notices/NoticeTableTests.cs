using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Accounts;
using PropertyHub.Resources;
using PropertyHub.Features.Notices;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Notices;

public sealed class NoticeTableTests(NoticesApp app) : IClassFixture<NoticesApp>
{
    private async Task<Notice> FailedNoticeAsync()
    {
        var notice = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(email: NoticesApp.NewEmail())));
        await using var db = await app.CreateDbContextAsync();
        var stored = db.Notices.Single(n => n.Id == notice.Id);
        stored.Status = NoticeStatus.Failed;
        stored.Attempts = NoticeDelivery.MaxAttempts;
        stored.LastError = "SmtpCommandException: Mailbox unavailable";
        stored.NextAttemptAt = null;
        await db.SaveChangesAsync();
        return await app.LoadAsync(notice.Id);
    }

    private BunitContext NewContext(IServiceProvider services, string role)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(services.GetRequiredService<NoticeService>());
        ctx.Services.AddSingleton(services.GetRequiredService<Permissions>());
        ctx.Services.AddSingleton(services.GetRequiredService<EstateTime>());
        ctx.AddAuthorization().SetAuthorized("staff").SetAccess(role);
        return ctx;
    }

    [Fact]
    public async Task OccupantNotices_Supervisor_SeesTheReasonInWordsNotTheRawErrorAndResends()
    {
        var failed = await FailedNoticeAsync();
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Supervisor);
        await using var ctx = NewContext(scope.ServiceProvider, Roles.Supervisor);
        var t = ctx.Services.GetRequiredService<IStringLocalizer<NoticesText>>();

        var panel = ctx.Render<OccupantNotices>(p => p.Add(x => x.OccupantId, failed.OccupantId!.Value));
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-testid=occupant-notices]")));
        panel.Find("[data-testid=occupant-notices] .mud-expand-panel-header").Click();
        panel.WaitForAssertion(() => Assert.Equal(t["Failure_AddressRejected"], panel.Find("[data-testid=notice-failure]").TextContent.Trim()));
        Assert.Empty(panel.FindAll("[data-testid=notice-error-detail]"));
        Assert.DoesNotContain("SmtpCommandException", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("王小明 · ", panel.Find("[data-testid=notice-recipient]").TextContent, StringComparison.Ordinal);
        await panel.Find("[data-testid=notice-resend]").ClickAsync(new());

        var stored = await app.LoadAsync(failed.Id);
        Assert.Equal(NoticeStatus.Pending, stored.Status);
        Assert.Equal(0, stored.Attempts);
        Assert.NotNull(stored.NextAttemptAt);
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Supervisor, false)]
    [InlineData(Roles.Clerk, false)]
    public async Task NoticeTable_FailedDelivery_TechnicalDetailOnlyForAdmin(string role, bool detail)
    {
        var failed = await FailedNoticeAsync();
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, role);
        await using var ctx = NewContext(scope.ServiceProvider, role);
        var t = ctx.Services.GetRequiredService<IStringLocalizer<NoticesText>>();

        var table = ctx.Render<NoticeTable>(p => p.Add(x => x.Filter, new NoticeFilter(OccupantId: failed.OccupantId)));

        table.WaitForAssertion(() => Assert.Equal(t["Failure_AddressRejected"], table.Find("[data-testid=notice-failure]").TextContent.Trim()));
        Assert.Equal(detail, table.FindAll("[data-testid=notice-error-detail]").Count == 1);
        Assert.Equal(detail, table.Markup.Contains("SmtpCommandException: Mailbox unavailable", StringComparison.Ordinal));
        if (detail)
        {
            // Folded away until asked for.
            var details = table.Find("[data-testid=notice-error-detail]");
            Assert.Equal("DETAILS", details.TagName);
            Assert.False(details.HasAttribute("open"));
            Assert.Contains(t["TechnicalDetail"], details.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoticeTable_MoreNoticesThanItCounts_PagerSaysMoreThanTheLimit()
    {
        var occupant = await app.AddOccupantAsync();
        await using (var db = await app.CreateDbContextAsync())
        {
            for (var i = 0; i <= NoticeService.CountLimit; i++)
            {
                db.Notices.Add(new Notice
                {
                    EstateId = app.EstateId, BuildingId = app.BuildingId, Kind = "survey", SourceKey = $"survey:pager:{occupant.Id}:{i}", Channel = NoticeChannel.Letter,
                    RecipientKey = NoticeOutbox.OccupantKey(occupant.Id), OccupantId = occupant.Id, Language = "zh-Hans", Subject = $"Notice {i}", Body = "body",
                    Status = NoticeStatus.Pending, CreatedAt = app.Clock.GetUtcNow(),
                });
            }
            await db.SaveChangesAsync();
        }
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Supervisor);
        await using var ctx = NewContext(scope.ServiceProvider, Roles.Supervisor);
        var t = ctx.Services.GetRequiredService<IStringLocalizer<NoticesText>>();
        var moreThan = string.Format(t["PagerMoreThan"], NoticeService.CountLimit.ToString("N0", System.Globalization.CultureInfo.CurrentCulture))
            .Replace("{first_item}", "1").Replace("{last_item}", "25");

        var table = ctx.Render<NoticeTable>(p => p.Add(x => x.Filter, new NoticeFilter(OccupantId: occupant.Id)));

        table.WaitForAssertion(() => Assert.Equal(25, table.FindAll("[data-testid=notice-status]").Count));
        Assert.Contains(moreThan, table.FindAll(".mud-table-pagination-caption").Select(c => c.TextContent.Trim()));
    }

    /// <summary>Every kind of notice the app sends, as the senders name it.</summary>
    public static TheoryData<string> SentKinds =>
    [
        PropertyHub.Features.Repairs.AppointmentNotices.ConfirmationKind, PropertyHub.Features.Repairs.AppointmentNotices.ReminderKind,
        PropertyHub.Features.Repairs.AppointmentNotices.AcceptanceKind, PropertyHub.Features.MoveIn.MoveInNotices.NoticeKind,
        PropertyHub.Features.MoveIn.MoveInNotices.ReminderKind, PropertyHub.Features.Renovation.RenovationAlerts.NoticeKind,
        "renovation-sign", PropertyHub.Features.PersonalLinks.OccupantLinks.ReissueKind, PropertyHub.Features.Fees.Requests.PaymentRequestNotices.Kind,
        PropertyHub.Features.Fees.Collection.CollectionVisits.ReminderKind, PropertyHub.Features.Fees.Disclosures.DisclosureService.NoticeKind,
        NoticeOutbox.BoardKind, PropertyHub.Features.Surveys.SurveyNotices.Kind,
    ];

    [Theory]
    [MemberData(nameof(SentKinds))]
    public void EveryKindSent_HasALabelInEachLanguage(string kind)
    {
        var t = new ServiceCollection().AddLocalization().AddLogging().BuildServiceProvider().GetRequiredService<IStringLocalizer<NoticesText>>();
        foreach (var language in new[] { "en", "zh-Hans", "zh-Hant" })
        {
            var label = NoticeOutbox.WriteIn(new System.Globalization.CultureInfo(language), () => t.KindOf(kind));
            Assert.NotEqual(kind, label);
        }
    }

    [Fact]
    public async Task NoticesList_Supervisor_OpensANotice_ReadsItsText_KindInTheirLanguage()
    {
        var occupant = await app.AddOccupantAsync(phone: "13900000000");
        int id;
        await using (var db = await app.CreateDbContextAsync())
        {
            var notice = Assert.Single(NoticeOutbox.AddForOccupant(db, occupant, new NoticePlace(app.EstateId, app.BuildingId),
                PropertyHub.Features.Repairs.AppointmentNotices.AcceptanceKind, $"work-order:{Guid.NewGuid():N}:acceptance:1",
                _ => new NoticeText("请验收您的维修", "王小明您好，工程人员李工已完成维修。"), app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            id = notice.Id;
        }
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Supervisor);
        await using var ctx = NewContext(scope.ServiceProvider, Roles.Supervisor);
        ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<PropertyHub.Features.PersonalLinks.OccupantLinks>());
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-Hans");
        try
        {
            var table = ctx.Render<NoticeTable>(p => p.Add(x => x.Filter, new NoticeFilter(OccupantId: occupant.Id)));
            table.WaitForAssertion(() => Assert.Equal("维修验收链接", table.Find("[data-testid=notice-kind]").TextContent.Trim()));
            Assert.Empty(table.FindAll("[data-testid=notice-detail]"));

            await table.Find("[data-testid=notice-open]").ClickAsync(new());

            Assert.Equal("王小明您好，工程人员李工已完成维修。", table.Find("[data-testid=notice-body]").TextContent.Trim());
            Assert.False(string.IsNullOrWhiteSpace(table.Find("[data-testid=notice-link]").TextContent));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task OccupantNotices_Clerk_SeesNoNoticesAtAll()
    {
        var failed = await FailedNoticeAsync();
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Clerk);
        await using var ctx = NewContext(scope.ServiceProvider, Roles.Clerk);

        var panel = ctx.Render<OccupantNotices>(p => p.Add(x => x.OccupantId, failed.OccupantId!.Value));

        // Subject, state and raw error are for the roles that see /notices: nothing renders, nothing is re-sent
        // (UnitPageNoticesTests checks the whole prerendered unit page, where loading has finished).
        Assert.False(await scope.ServiceProvider.GetRequiredService<Permissions>().MayAsync(Can.SeeNotices));
        Assert.Empty(panel.FindAll("[data-testid=occupant-notices]"));
        Assert.DoesNotContain("Mailbox unavailable", panel.Markup, StringComparison.Ordinal);
        Assert.Equal(NoticeStatus.Failed, (await app.LoadAsync(failed.Id)).Status);
    }
}
