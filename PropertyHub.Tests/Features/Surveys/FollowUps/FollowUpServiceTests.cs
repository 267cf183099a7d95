using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.FollowUps;
using PropertyHub.Tests.Features.Surveys.Rectifications;

using static PropertyHub.Tests.Features.Surveys.Rectifications.SurveyWorkApp;
namespace PropertyHub.Tests.Features.Surveys.FollowUps;

/// <summary>Follow-ups of occupants' opinions: listed oldest first until the outcome is recorded.</summary>
public sealed class FollowUpServiceTests(SurveyWorkApp app) : IClassFixture<SurveyWorkApp>
{
    private async Task<FollowUp> NewOpenAsync(string suggestion = "Please plant more trees.")
    {
        var surveyId = await app.AnswerNextAsync(low: 0, comment: "Guards are friendly.", suggestion: suggestion);
        return await app.FollowUpOfAsync(surveyId);
    }

    [Fact]
    public async Task List_Open_OldestFirstWithUnitOccupantMaskedPhoneAndOpinion()
    {
        var older = await NewOpenAsync("Older suggestion.");
        var newer = await NewOpenAsync("Newer suggestion.");

        var rows = await app.AsFollowUper(Roles.Clerk, async s => (await s.ListAsync(FollowUpFilter.Open, AllOfThem)).Rows);

        var olderIndex = rows.ToList().FindIndex(r => r.Id == older.Id);
        var newerIndex = rows.ToList().FindIndex(r => r.Id == newer.Id);
        Assert.True(olderIndex >= 0 && olderIndex < newerIndex);
        var row = rows[olderIndex];
        await using var db = await app.CreateDbContextAsync();
        var occupant = await db.Occupants.AsNoTracking().SingleAsync(o => o.Id == older.OccupantId);
        var unit = await db.Units.AsNoTracking().Include(u => u.Building).SingleAsync(u => u.Id == older.UnitId);
        Assert.Equal($"{unit.Building!.Code}-{unit.Number}", row.Unit);
        Assert.Equal(occupant.Name, row.OccupantName);
        Assert.Equal(occupant.Phone, row.Phone);
        Assert.Equal("2026-Q4", row.Quarter);
        Assert.Equal("Older suggestion.\nGuards are friendly.", row.Opinion);
    }

    [Fact]
    public async Task Record_WithOutcome_DoneLeavesOpenListAndShowsInDone()
    {
        var f = await NewOpenAsync();
        var before = await app.AsFollowUper(Roles.Clerk, s => s.OpenCountAsync());

        var result = await app.AsFollowUper(Roles.Clerk, s => s.RecordAsync(f.Id, f.Version, FollowUpMethod.Visit, "  Visited; trees planned for spring.  "));

        Assert.True(result.Ok, result.Error);
        var saved = await app.FollowUpOfAsync(f.SurveyId);
        Assert.Equal(FollowUpStatus.Done, saved.Status);
        Assert.Equal(FollowUpMethod.Visit, saved.Method);
        Assert.Equal("Visited; trees planned for spring.", saved.Outcome);
        Assert.Equal(app.Clock.GetUtcNow(), saved.DoneAt);
        var clerk = await app.InScopeAs(Roles.Clerk, sp => sp.GetRequiredService<CurrentActor>().GetAsync());
        Assert.Equal(clerk.Name, saved.DoneBy);
        Assert.DoesNotContain(await app.AsFollowUper(Roles.Clerk, async s => (await s.ListAsync(FollowUpFilter.Open, AllOfThem)).Rows), r => r.Id == f.Id);
        Assert.Contains(await app.AsFollowUper(Roles.Clerk, async s => (await s.ListAsync(FollowUpFilter.Done, AllOfThem)).Rows), r => r.Id == f.Id && r.Outcome == saved.Outcome);
        Assert.Equal(before - 1, await app.AsFollowUper(Roles.Clerk, s => s.OpenCountAsync()));
    }

    [Theory]
    [InlineData(null, "OutcomeRequired")]
    [InlineData("   ", "OutcomeRequired")]
    [InlineData("x", "TextTooLong")]
    public async Task Record_WithoutOrTooLongOutcome_RefusedAndStaysOpen(string? outcome, string key)
    {
        var f = await NewOpenAsync();
        if (outcome == "x")
            outcome = new string('x', FollowUpService.MaxOutcome + 1);

        var result = await app.AsFollowUper(Roles.Supervisor, s => s.RecordAsync(f.Id, f.Version, FollowUpMethod.Call, outcome));

        Assert.Equal(key, result.FieldErrors["Outcome"]);
        var unchanged = await app.FollowUpOfAsync(f.SurveyId);
        Assert.Equal(FollowUpStatus.Open, unchanged.Status);
        Assert.Null(unchanged.Outcome);
        Assert.Null(unchanged.Method);
        Assert.Equal(f.Version, unchanged.Version);
        Assert.Contains(await app.AsFollowUper(Roles.Clerk, async s => (await s.ListAsync(FollowUpFilter.Open, AllOfThem)).Rows), r => r.Id == f.Id);
    }

    [Fact]
    public async Task Record_StaleVersion_ConflictAndFirstOutcomeKept()
    {
        var f = await NewOpenAsync();
        Assert.True((await app.AsFollowUper(Roles.Clerk, s => s.RecordAsync(f.Id, f.Version, FollowUpMethod.Call, "Called, all fine."))).Ok);

        var second = await app.AsFollowUper(Roles.Manager, s => s.RecordAsync(f.Id, f.Version, FollowUpMethod.Visit, "Visited."));

        Assert.True(second.IsConflict);
        var saved = await app.FollowUpOfAsync(f.SurveyId);
        Assert.Equal("Called, all fine.", saved.Outcome);
        Assert.Equal(FollowUpMethod.Call, saved.Method);
    }

    [Theory]
    [InlineData(Roles.Engineer)]
    [InlineData(Roles.Finance)]
    public async Task Record_ByRoleWithoutFollowUpWork_RefusedAndStaysOpen(string role)
    {
        var f = await NewOpenAsync();

        var result = await app.AsFollowUper(role, s => s.RecordAsync(f.Id, f.Version, FollowUpMethod.Call, "Called."));

        Assert.Equal("NotAllowed", result.Error);
        Assert.Equal(FollowUpStatus.Open, (await app.FollowUpOfAsync(f.SurveyId)).Status);
    }
}
