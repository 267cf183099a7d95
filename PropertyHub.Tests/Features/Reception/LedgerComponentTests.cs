using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Ledger;
using PropertyHub.Features.ScheduledDuties;
using static PropertyHub.Tests.Features.Reception.LedgerTesting;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Reception;

/// <summary>The banner and the review form rendered with bUnit over the app's real database and services.</summary>
public sealed class LedgerComponentTests(LedgerAppFactory factory) : IClassFixture<LedgerAppFactory>, IDisposable
{
    private readonly CultureInfo previousCulture = CultureInfo.CurrentUICulture;

    public void Dispose() => CultureInfo.CurrentUICulture = previousCulture;

    private BunitContext NewContext(IServiceScope scope, string role)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddLogging();
        ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>());
        ctx.Services.AddSingleton(factory.Services.GetRequiredService<EstateTime>());
        ctx.Services.AddSingleton<TimeProvider>(factory.Clock);
        ctx.Services.AddScoped<CurrentActor>();
        ctx.Services.AddScoped<LedgerFormat>();
        ctx.Services.AddScoped<LedgerService>();
        ctx.Services.AddScoped<LedgerReviewService>();
        ctx.Services.AddScoped<Permissions>();
        // The services check the user's roles in the database: act as the role's demo user.
        var user = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>()
            .FindByEmailAsync(SignIn.DemoEmail(role)).GetAwaiter().GetResult()!;
        ctx.AddAuthorization().SetAuthorized("chen@demo.local").SetAccess(role)
            .SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, user.Id));
        return ctx;
    }

    private async Task<List<LedgerReview>> ReviewsAsync(int estateId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.LedgerReviews.Where(r => r.EstateId == estateId).ToListAsync();
    }

    [Fact]
    public async Task Banner_MissedDailyReview_ShownUntilTheFormRecordsIt()
    {
        var estate = await factory.NewEstateAsync();
        await factory.SeedAsync(estate.Contact(RequestKind.Inquiry, Local(10, 16, 9), "Fee question").AnsweredNow());
        using var scope = factory.Services.CreateScope();
        await using var ctx = NewContext(scope, Roles.Supervisor);

        var banner = ctx.Render<LedgerReviewBanner>(p => p.Add(b => b.EstateId, estate.EstateId).Add(b => b.Version, 0));
        banner.WaitForAssertion(() => Assert.Equal(["2030-10-16"], banner.FindAll("[data-testid=ledger-banner-day]").Select(a => a.TextContent)));
        Assert.Empty(banner.FindAll("[data-testid=ledger-banner-weekly]"));

        var recorded = 0;
        var form = ctx.Render<LedgerReviewForm>(p => p.Add(f => f.EstateId, estate.EstateId).Add(f => f.Kind, ReviewKind.Daily)
            .Add(f => f.Day, Day(10, 16)).Add(f => f.Recorded, () => recorded++));
        await form.Find("[data-testid=review-save]").ClickAsync(new());
        form.WaitForAssertion(() => Assert.Equal(1, recorded));
        Assert.Empty(form.FindAll("[data-testid=review-error]"));

        banner.Render(p => p.Add(b => b.Version, 1));
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=ledger-banner]")));
        var review = Assert.Single(await ReviewsAsync(estate.EstateId));
        Assert.Equal(("chen@demo.local", Day(10, 16)), (review.ReviewerName, review.PeriodStart));
    }

    [Fact]
    public async Task ReviewForm_DayWithOpenItemsAndNoFollowUp_ShowsTheReasonAndSavesNothing()
    {
        var estate = await factory.NewEstateAsync();
        await factory.SeedAsync(estate.Contact(RequestKind.Complaint, Local(10, 16, 9), "Lift out of order", Channel.ComplaintLine));
        using var scope = factory.Services.CreateScope();
        await using var ctx = NewContext(scope, Roles.Supervisor);
        var recorded = 0;

        var form = ctx.Render<LedgerReviewForm>(p => p.Add(f => f.EstateId, estate.EstateId).Add(f => f.Kind, ReviewKind.Daily)
            .Add(f => f.Day, Day(10, 16)).Add(f => f.Recorded, () => recorded++));
        form.WaitForAssertion(() => Assert.Contains("Still open from this day: 1.", form.Find("[data-testid=review-open-items]").TextContent));
        await form.Find("[data-testid=review-save]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Equal("Still open from this day: 1. Write the follow-up arrangements.",
            form.Find("[data-testid=review-error]").TextContent.Trim()));
        Assert.Equal(0, recorded);
        Assert.Empty(await ReviewsAsync(estate.EstateId));

        await form.Find("textarea").ChangeAsync(new() { Value = "Engineering repairs the lift by noon; call the occupant after." });
        await form.Find("[data-testid=review-save]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Equal(1, recorded));
        Assert.Equal("Engineering repairs the lift by noon; call the occupant after.", Assert.Single(await ReviewsAsync(estate.EstateId)).Notes);
    }
}
