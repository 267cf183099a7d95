using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Ledger;
using static PropertyHub.Tests.Features.Reception.LedgerTesting;

namespace PropertyHub.Tests.Features.Reception;

public sealed class LedgerReviewTests(LedgerAppFactory factory) : IClassFixture<LedgerAppFactory>
{
    private async Task<ReviewResult> RecordAsync(string role, int estateId, ReviewKind kind, DateOnly day, string? notes)
    {
        ReviewResult? result = null;
        await factory.AsAsync(role, async sp => result = await InEnglishAsync(() =>
            sp.GetRequiredService<LedgerReviewService>().RecordAsync(estateId, kind, day, notes)));
        return result!;
    }

    private async Task<List<LedgerReview>> ReviewsAsync(int estateId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.LedgerReviews.Where(r => r.EstateId == estateId).ToListAsync();
    }

    private async Task<ReviewGaps> GapsAsync(int estateId)
    {
        ReviewGaps? gaps = null;
        await factory.WithScopeAsync(async sp => gaps = await sp.GetRequiredService<LedgerReviewService>().GapsAsync(estateId));
        return gaps!;
    }

    [Fact]
    public async Task DailyReview_Twice_SecondIsRefusedAndNothingIsDuplicated()
    {
        var estate = await factory.NewEstateAsync();
        await factory.SeedAsync(estate.Contact(RequestKind.Inquiry, Local(10, 16, 9), "Fee question").AnsweredNow());

        var first = await RecordAsync(Roles.Supervisor, estate.EstateId, ReviewKind.Daily, Day(10, 16), "All answered.");
        var second = await RecordAsync(Roles.Manager, estate.EstateId, ReviewKind.Daily, Day(10, 16), "Second look.");

        Assert.True(first.Succeeded, first.Error);
        Assert.False(second.Succeeded);
        Assert.Equal($"This period was already reviewed by {DemoUsers.All.Single(u => u.Role == Roles.Supervisor).DisplayName} at 2030-10-17 10:00.", second.Error);
        var review = Assert.Single(await ReviewsAsync(estate.EstateId));
        Assert.Equal((ReviewKind.Daily, Day(10, 16), "All answered.", LedgerAppFactory.Now), (review.Kind, review.PeriodStart, review.Notes, review.ReviewedAt));
    }

    [Fact]
    public async Task DailyReview_Clerk_IsRefusedAndNothingWritten()
    {
        var estate = await factory.NewEstateAsync();

        var result = await RecordAsync(Roles.Clerk, estate.EstateId, ReviewKind.Daily, Day(10, 16), "Looks fine.");

        Assert.False(result.Succeeded);
        Assert.Equal("Only a supervisor or the manager may record the daily review.", result.Error);
        Assert.Empty(await ReviewsAsync(estate.EstateId));
    }

    [Fact]
    public async Task WeeklyReview_Supervisor_IsRefused_Manager_RecordsTheMondayOfTheWeek()
    {
        var estate = await factory.NewEstateAsync();

        var bySupervisor = await RecordAsync(Roles.Supervisor, estate.EstateId, ReviewKind.Weekly, Day(10, 9), "Guidance");
        var byManager = await RecordAsync(Roles.Manager, estate.EstateId, ReviewKind.Weekly, Day(10, 9), "Answer fee questions from the archive.");
        var again = await RecordAsync(Roles.Admin, estate.EstateId, ReviewKind.Weekly, Day(10, 13), "Same week, Sunday.");

        Assert.Equal("Only the manager may record the weekly review.", bySupervisor.Error);
        Assert.True(byManager.Succeeded, byManager.Error);
        Assert.StartsWith("This period was already reviewed", again.Error);
        var review = Assert.Single(await ReviewsAsync(estate.EstateId));
        Assert.Equal((ReviewKind.Weekly, Day(10, 7)), (review.Kind, review.PeriodStart));
    }

    [Fact]
    public async Task Reviews_WithoutRequiredNotesOrInTheFuture_AreRefused()
    {
        var estate = await factory.NewEstateAsync();
        await factory.SeedAsync(
            estate.Contact(RequestKind.Complaint, Local(10, 15, 9), "Lift out of order"),
            estate.Contact(RequestKind.Complaint, Local(10, 15, 10), "Lift still out of order"),
            estate.Contact(RequestKind.Inquiry, Local(10, 14, 9), "Fee question").AnsweredNow());

        var openDay = await RecordAsync(Roles.Supervisor, estate.EstateId, ReviewKind.Daily, Day(10, 15), "  ");
        var weekly = await RecordAsync(Roles.Manager, estate.EstateId, ReviewKind.Weekly, Day(10, 14), null);
        var tomorrow = await RecordAsync(Roles.Supervisor, estate.EstateId, ReviewKind.Daily, Day(10, 18), "Early");
        var tooLong = await RecordAsync(Roles.Supervisor, estate.EstateId, ReviewKind.Daily, Day(10, 15), new string('x', 2001));

        Assert.Equal("Still open from this day: 2. Write the follow-up arrangements.", openDay.Error);
        Assert.Equal("Write the guidance for the customer-service group.", weekly.Error);
        Assert.Equal("A day that has not begun cannot be reviewed.", tomorrow.Error);
        Assert.Equal("At most 2000 characters.", tooLong.Error);
        Assert.Empty(await ReviewsAsync(estate.EstateId));

        // A day with nothing left open needs no notes; today may be reviewed at the end of the shift.
        Assert.True((await RecordAsync(Roles.Supervisor, estate.EstateId, ReviewKind.Daily, Day(10, 14), null)).Succeeded);
        Assert.True((await RecordAsync(Roles.Supervisor, estate.EstateId, ReviewKind.Daily, Day(10, 17), null)).Succeeded);
        Assert.True((await RecordAsync(Roles.Supervisor, estate.EstateId, ReviewKind.Daily, Day(10, 15), "Engineering to repair the lift today.")).Succeeded);
        Assert.Equal(3, (await ReviewsAsync(estate.EstateId)).Count);
    }

    [Fact]
    public async Task Gaps_MissedDailyReviews_ListedUntilReviewed()
    {
        var estate = await factory.NewEstateAsync();
        await factory.SeedAsync(
            estate.Contact(RequestKind.Inquiry, Local(9, 20, 9), "Long ago, beyond the banner's 14 days").AnsweredNow(),
            estate.Contact(RequestKind.Inquiry, Local(10, 2, 23, 30), "Fifteen days ago, late in the evening").AnsweredNow(),
            estate.Contact(RequestKind.Inquiry, Local(10, 4, 9), "Thirteen days ago").AnsweredNow(),
            estate.Contact(RequestKind.Inquiry, Local(10, 3, 9), "Fourteen days ago").AnsweredNow(),
            estate.Contact(RequestKind.Inquiry, Local(10, 15, 9), "Two days ago").AnsweredNow(),
            // 00:30 on the 16th in Shanghai is the 15th in UTC: it makes the 16th a day with contacts.
            estate.Contact(RequestKind.Inquiry, Local(10, 16, 0, 30), "Yesterday just after midnight").AnsweredNow(),
            estate.Contact(RequestKind.Inquiry, Local(10, 17, 9), "Today").AnsweredNow());

        var before = await GapsAsync(estate.EstateId);
        var reviewed = await RecordAsync(Roles.Supervisor, estate.EstateId, ReviewKind.Daily, Day(10, 15), null);
        var after = await GapsAsync(estate.EstateId);

        Assert.Equal([Day(10, 3), Day(10, 4), Day(10, 15), Day(10, 16)], before.MissedDays);
        Assert.True(reviewed.Succeeded, reviewed.Error);
        Assert.Equal([Day(10, 3), Day(10, 4), Day(10, 16)], after.MissedDays);
    }

    [Fact]
    public async Task Gaps_LastWeekWithContacts_MissesTheWeeklyReviewUntilRecorded()
    {
        var estate = await factory.NewEstateAsync();
        await factory.SeedAsync(estate.Contact(RequestKind.Complaint, Local(10, 13, 23, 30), "Sunday night noise").Replied(Local(10, 14, 9)));

        var before = await GapsAsync(estate.EstateId);
        await RecordAsync(Roles.Manager, estate.EstateId, ReviewKind.Weekly, Day(10, 10), "Check noise complaints at night.");
        var after = await GapsAsync(estate.EstateId);

        Assert.Equal(Day(10, 7), before.MissedWeek);
        Assert.Null(after.MissedWeek);
    }

    [Fact]
    public async Task Gaps_ContactsOnlyThisWeekAndToday_NothingMissed()
    {
        var estate = await factory.NewEstateAsync();
        // Monday 00:10 in Shanghai is still Sunday in UTC, but belongs to this week.
        await factory.SeedAsync(
            estate.Contact(RequestKind.Inquiry, Local(10, 14, 0, 10), "Monday just after midnight").AnsweredNow(),
            estate.Contact(RequestKind.Inquiry, Local(10, 17, 9), "Today").AnsweredNow());
        await RecordAsync(Roles.Supervisor, estate.EstateId, ReviewKind.Daily, Day(10, 14), null);

        var gaps = await GapsAsync(estate.EstateId);

        Assert.False(gaps.Any, $"{string.Join(",", gaps.MissedDays)} / {gaps.MissedWeek}");
    }
}
