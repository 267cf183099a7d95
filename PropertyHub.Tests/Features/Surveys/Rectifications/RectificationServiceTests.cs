using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Rectifications;

using static PropertyHub.Tests.Features.Surveys.Rectifications.SurveyWorkApp;
namespace PropertyHub.Tests.Features.Surveys.Rectifications;

/// <summary>Working rectifications: the list and its overdue flag, edits, done, sign-off, send-back, versions and roles.</summary>
public sealed class RectificationServiceTests(SurveyWorkApp app) : IClassFixture<SurveyWorkApp>
{
    private static RectificationEdit Edit(Rectification r, string? measure = "Cleaned the corridor twice a day.", string? evidence = "Photos filed; the occupant agreed.") => new()
    {
        Department = r.Department,
        ResponsiblePerson = "李主管",
        DueDate = r.DueDate,
        Measure = measure,
        EvidenceNote = evidence,
    };

    private async Task<Rectification> NewOpenAsync()
    {
        var surveyId = await app.AnswerNextAsync(low: 1);
        return Assert.Single(await app.RectificationsOfAsync(surveyId));
    }

    private async Task<Rectification> NewDoneAsync()
    {
        var r = await NewOpenAsync();
        var result = await app.AsRectifier(Roles.Supervisor, s => s.MarkDoneAsync(r.Id, r.Version, Edit(r)));
        Assert.True(result.Ok, result.Error);
        return await app.RectificationAsync(r.Id);
    }

    [Fact]
    public async Task List_RowOfAnswer_ShowsUnitItemInCultureScoreCommentAndDueDate()
    {
        var surveyId = await app.AnswerNextAsync(low: 2, comment: "Lift is slow.");
        var created = await app.RectificationsOfAsync(surveyId);
        Assert.Equal(2, created.Count);

        var list = await app.AsRectifier(Roles.Supervisor, s => s.ListAsync(new RectificationQuery(RectificationFilter.All), "zh-Hant", AllOfThem));

        var row = list.Rows.Single(x => x.Id == created[0].Id);
        await using var db = await app.CreateDbContextAsync();
        var survey = await db.Surveys.AsNoTracking().SingleAsync(s => s.Id == surveyId);
        var unit = await db.Units.AsNoTracking().Include(u => u.Building).SingleAsync(u => u.Id == survey.UnitId);
        var item = await db.SurveyItems.AsNoTracking().SingleAsync(i => i.Id == created[0].ItemId);
        Assert.Equal($"{unit.Building!.Code}-{unit.Number}", row.Unit);
        Assert.Equal(item.NameHant, row.Item);
        Assert.Equal(1, row.Score);
        Assert.Equal("Lift is slow.", row.Comment);
        Assert.Equal(SurveyWorkApp.EstateToday.AddDays(14), row.DueDate);
        Assert.Equal(SurveyWorkApp.EstateToday, row.CreatedOn);
        Assert.False(row.Overdue);
        Assert.Equal(2, list.Rows.Single(x => x.Id == created[1].Id).Score);
    }

    [Fact]
    public async Task List_DueBeforeEstateToday_IsOverdueAndCounted_DueOnEstateTodayIsNot()
    {
        // UTC is still 2026-10-15, the estate is on 2026-10-16: a rectification due on the 15th is overdue.
        var overdue = await NewOpenAsync();
        var dueToday = await NewOpenAsync();
        var before = await app.AsRectifier(Roles.Supervisor, s => s.ListAsync(new RectificationQuery(), "en", AllOfThem));
        await app.SetDueDateAsync(overdue.Id, new DateOnly(2026, 10, 15));
        await app.SetDueDateAsync(dueToday.Id, SurveyWorkApp.EstateToday);

        var list = await app.AsRectifier(Roles.Supervisor, s => s.ListAsync(new RectificationQuery(OverdueOnly: true), "en", AllOfThem));

        Assert.Contains(list.Rows, r => r.Id == overdue.Id && r.Overdue);
        Assert.DoesNotContain(list.Rows, r => r.Id == dueToday.Id);
        Assert.All(list.Rows, r => Assert.True(r.Overdue));
        Assert.Equal(before.OverdueCount + 1, list.OverdueCount);
        var all = await app.AsRectifier(Roles.Supervisor, s => s.ListAsync(new RectificationQuery(), "en", AllOfThem));
        Assert.False(all.Rows.Single(r => r.Id == dueToday.Id).Overdue);
    }

    [Fact]
    public async Task List_SignedOffPastDue_IsNotOverdue()
    {
        var done = await NewDoneAsync();
        await app.SetDueDateAsync(done.Id, new DateOnly(2026, 10, 1));
        var doneRow = await app.AsRectifier(Roles.Manager, s => s.GetAsync(done.Id, "en"));
        Assert.True(doneRow!.Overdue);

        Assert.True((await app.AsRectifier(Roles.Manager, s => s.SignOffAsync(done.Id, doneRow.Version))).Ok);

        var signed = await app.AsRectifier(Roles.Manager, s => s.ListAsync(new RectificationQuery(RectificationFilter.SignedOff), "en", AllOfThem));
        Assert.False(signed.Rows.Single(r => r.Id == done.Id).Overdue);
        var open = await app.AsRectifier(Roles.Manager, s => s.ListAsync(new RectificationQuery(RectificationFilter.Open), "en", AllOfThem));
        Assert.DoesNotContain(open.Rows, r => r.Id == done.Id);
    }

    [Fact]
    public async Task List_DepartmentAndQuarterFilters_KeepOnlyMatchingRows()
    {
        var r = await NewOpenAsync();

        var same = await app.AsRectifier(Roles.Supervisor, s => s.ListAsync(new RectificationQuery(RectificationFilter.All, Department: r.Department, Quarter: "2026-Q4"), "en", AllOfThem));
        var other = r.Department == Department.Finance ? Department.Leasing : Department.Finance;
        var otherDepartment = await app.AsRectifier(Roles.Supervisor, s => s.ListAsync(new RectificationQuery(RectificationFilter.All, Department: other), "en", AllOfThem));
        var otherQuarter = await app.AsRectifier(Roles.Supervisor, s => s.ListAsync(new RectificationQuery(RectificationFilter.All, Quarter: "2026-Q3"), "en", AllOfThem));

        Assert.Contains(same.Rows, x => x.Id == r.Id);
        Assert.All(same.Rows, x => Assert.Equal(r.Department, x.Department));
        Assert.DoesNotContain(otherDepartment.Rows, x => x.Id == r.Id);
        Assert.Empty(otherQuarter.Rows);
    }

    [Fact]
    public async Task Update_ValidFields_SavedAndVersionBumped()
    {
        var r = await NewOpenAsync();
        var edit = Edit(r, measure: "  Extra cleaning round.  ", evidence: null);
        edit.Department = Department.Engineering;
        edit.DueDate = SurveyWorkApp.EstateToday.AddDays(3);

        var result = await app.AsRectifier(Roles.Supervisor, s => s.UpdateAsync(r.Id, r.Version, edit));

        Assert.True(result.Ok, result.Error);
        var saved = await app.RectificationAsync(r.Id);
        Assert.Equal(Department.Engineering, saved.Department);
        Assert.Equal("李主管", saved.ResponsiblePerson);
        Assert.Equal(SurveyWorkApp.EstateToday.AddDays(3), saved.DueDate);
        Assert.Equal("Extra cleaning round.", saved.Measure);
        Assert.Null(saved.EvidenceNote);
        Assert.Equal(RectificationStatus.Open, saved.Status);
        Assert.Equal(r.Version + 1, saved.Version);
    }

    [Fact]
    public async Task Update_DueDateBeforeCreation_RefusedAndNothingSaved()
    {
        var r = await NewOpenAsync();
        var edit = Edit(r);
        edit.DueDate = SurveyWorkApp.EstateToday.AddDays(-1);

        var result = await app.AsRectifier(Roles.Manager, s => s.UpdateAsync(r.Id, r.Version, edit));

        Assert.Equal("DueBeforeCreated", result.FieldErrors["DueDate"]);
        var unchanged = await app.RectificationAsync(r.Id);
        Assert.Equal(r.DueDate, unchanged.DueDate);
        Assert.Null(unchanged.ResponsiblePerson);
        Assert.Equal(r.Version, unchanged.Version);
    }

    [Theory]
    [InlineData(null, "Photos filed.", "Measure", "MeasureRequired")]
    [InlineData("Cleaned.", "  ", "EvidenceNote", "EvidenceRequired")]
    public async Task MarkDone_WithoutMeasureOrEvidence_RefusedAndStaysOpen(string? measure, string? evidence, string field, string key)
    {
        var r = await NewOpenAsync();

        var result = await app.AsRectifier(Roles.Supervisor, s => s.MarkDoneAsync(r.Id, r.Version, Edit(r, measure, evidence)));

        Assert.False(result.Ok);
        Assert.Equal(key, result.FieldErrors[field]);
        var unchanged = await app.RectificationAsync(r.Id);
        Assert.Equal(RectificationStatus.Open, unchanged.Status);
        Assert.Null(unchanged.DoneAt);
        Assert.Null(unchanged.Measure);
        Assert.Equal(r.Version, unchanged.Version);
    }

    [Fact]
    public async Task MarkDone_WithMeasureAndEvidence_IsDoneAtTheClock()
    {
        var done = await NewDoneAsync();

        Assert.Equal(RectificationStatus.Done, done.Status);
        Assert.Equal(app.Clock.GetUtcNow(), done.DoneAt);
        Assert.Equal("Cleaned the corridor twice a day.", done.Measure);
        Assert.Equal("Photos filed; the occupant agreed.", done.EvidenceNote);
    }

    [Fact]
    public async Task SignOff_ByManagerWhenDone_SignedOffWithName()
    {
        var done = await NewDoneAsync();

        var result = await app.AsRectifier(Roles.Manager, s => s.SignOffAsync(done.Id, done.Version));

        Assert.True(result.Ok, result.Error);
        var signed = await app.RectificationAsync(done.Id);
        Assert.Equal(RectificationStatus.SignedOff, signed.Status);
        Assert.Equal(app.Clock.GetUtcNow(), signed.SignedOffAt);
        var manager = await app.InScopeAs(Roles.Manager, sp => sp.GetRequiredService<CurrentActor>().GetAsync());
        Assert.Equal(manager.Name, signed.SignedOffBy);
        Assert.False(string.IsNullOrEmpty(signed.SignedOffBy));
        // A signed-off rectification is closed: no more edits.
        var edit = await app.AsRectifier(Roles.Manager, s => s.UpdateAsync(signed.Id, signed.Version, Edit(signed)));
        Assert.Equal("AlreadySignedOff", edit.Error);
    }

    [Fact]
    public async Task SignOff_BySupervisor_RefusedAndNothingChanges()
    {
        var done = await NewDoneAsync();

        var result = await app.AsRectifier(Roles.Supervisor, s => s.SignOffAsync(done.Id, done.Version));

        Assert.Equal("NotAllowed", result.Error);
        var unchanged = await app.RectificationAsync(done.Id);
        Assert.Equal(RectificationStatus.Done, unchanged.Status);
        Assert.Null(unchanged.SignedOffBy);
        Assert.Null(unchanged.SignedOffAt);
        Assert.Equal(done.Version, unchanged.Version);
    }

    [Fact]
    public async Task SignOff_WhenStillOpen_RefusedAndNothingChanges()
    {
        var r = await NewOpenAsync();

        var result = await app.AsRectifier(Roles.Manager, s => s.SignOffAsync(r.Id, r.Version));

        Assert.Equal("NotDone", result.Error);
        var unchanged = await app.RectificationAsync(r.Id);
        Assert.Equal(RectificationStatus.Open, unchanged.Status);
        Assert.Null(unchanged.SignedOffAt);
    }

    [Fact]
    public async Task SendBack_ByManager_OpenAgainWithReasonAppendedToEvidence()
    {
        var done = await NewDoneAsync();

        var result = await app.AsRectifier(Roles.Manager, s => s.SendBackAsync(done.Id, done.Version, "  No photos in the file.  "));

        Assert.True(result.Ok, result.Error);
        var back = await app.RectificationAsync(done.Id);
        Assert.Equal(RectificationStatus.Open, back.Status);
        Assert.Null(back.DoneAt);
        Assert.StartsWith("Photos filed; the occupant agreed.\n", back.EvidenceNote, StringComparison.Ordinal);
        Assert.EndsWith("No photos in the file.", back.EvidenceNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendBack_WithoutReasonOrBySupervisor_RefusedAndStaysDone()
    {
        var done = await NewDoneAsync();

        var blank = await app.AsRectifier(Roles.Manager, s => s.SendBackAsync(done.Id, done.Version, " "));
        var supervisor = await app.AsRectifier(Roles.Supervisor, s => s.SendBackAsync(done.Id, done.Version, "Not good enough."));

        Assert.Equal("ReasonRequired", blank.FieldErrors["Reason"]);
        Assert.Equal("NotAllowed", supervisor.Error);
        var unchanged = await app.RectificationAsync(done.Id);
        Assert.Equal(RectificationStatus.Done, unchanged.Status);
        Assert.Equal("Photos filed; the occupant agreed.", unchanged.EvidenceNote);
        Assert.Equal(done.Version, unchanged.Version);
    }

    [Fact]
    public async Task Update_StaleVersion_ConflictAndTheOtherChangeKept()
    {
        var r = await NewOpenAsync();
        var first = Edit(r, measure: "First measure.");
        Assert.True((await app.AsRectifier(Roles.Supervisor, s => s.UpdateAsync(r.Id, r.Version, first))).Ok);

        var second = Edit(r, measure: "Second measure.");
        var result = await app.AsRectifier(Roles.Manager, s => s.UpdateAsync(r.Id, r.Version, second));
        var done = await app.AsRectifier(Roles.Manager, s => s.MarkDoneAsync(r.Id, r.Version, second));

        Assert.True(result.IsConflict);
        Assert.True(done.IsConflict);
        var saved = await app.RectificationAsync(r.Id);
        Assert.Equal("First measure.", saved.Measure);
        Assert.Equal(RectificationStatus.Open, saved.Status);
        Assert.Equal(r.Version + 1, saved.Version);
    }

    [Theory]
    [InlineData(Roles.Clerk)]
    [InlineData(Roles.Engineer)]
    [InlineData(Roles.Finance)]
    public async Task Changes_ByRolesWithoutRectificationWork_RefusedAndNothingChanges(string role)
    {
        var r = await NewOpenAsync();

        var update = await app.AsRectifier(role, s => s.UpdateAsync(r.Id, r.Version, Edit(r)));
        var done = await app.AsRectifier(role, s => s.MarkDoneAsync(r.Id, r.Version, Edit(r)));

        Assert.Equal("NotAllowed", update.Error);
        Assert.Equal("NotAllowed", done.Error);
        var unchanged = await app.RectificationAsync(r.Id);
        Assert.Equal(RectificationStatus.Open, unchanged.Status);
        Assert.Null(unchanged.ResponsiblePerson);
        Assert.Equal(r.Version, unchanged.Version);
    }
}
