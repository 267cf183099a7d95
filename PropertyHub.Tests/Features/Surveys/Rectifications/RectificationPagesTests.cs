using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Rectifications;

using static PropertyHub.Tests.Features.Surveys.Rectifications.SurveyWorkApp;
namespace PropertyHub.Tests.Features.Surveys.Rectifications;

/// <summary>The rectifications page, its table and its edit dialog, rendered against the real services.</summary>
public sealed class RectificationPagesTests(SurveyWorkApp app) : IClassFixture<SurveyWorkApp>
{
    private async Task<Rectification> NewOpenAsync()
    {
        var surveyId = await app.AnswerNextAsync(low: 1, comment: "Rubbish left in the stairwell.");
        return Assert.Single(await app.RectificationsOfAsync(surveyId));
    }

    private async Task<Rectification> NewDoneAsync()
    {
        var r = await NewOpenAsync();
        var edit = new RectificationEdit { Department = r.Department, DueDate = r.DueDate, Measure = "Cleaned.", EvidenceNote = "Photos filed." };
        Assert.True((await app.AsRectifier(Roles.Supervisor, s => s.MarkDoneAsync(r.Id, r.Version, edit))).Ok);
        return await app.RectificationAsync(r.Id);
    }

    private Task<RectificationRow> RowAsync(int id) => app.AsRectifier(Roles.Supervisor, async s => (await s.GetAsync(id, "en"))!);

    [Fact]
    public async Task Page_OverdueRow_HighlightedWithOverdueChip_OtherRowsNot()
    {
        var overdue = await NewOpenAsync();
        var onTime = await NewOpenAsync();
        await app.SetDueDateAsync(overdue.Id, SurveyWorkApp.EstateToday.AddDays(-1));
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Supervisor);
        await using var ctx = SurveyWorkApp.NewContext(scope.ServiceProvider, Roles.Supervisor);

        var page = ctx.Render<RectificationsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"td[data-id=\'{onTime.Id}\']")));
        var overdueRow = Row(page, overdue.Id);
        var onTimeRow = Row(page, onTime.Id);
        Assert.Contains("rectification-overdue", overdueRow.ClassList);
        Assert.NotNull(overdueRow.QuerySelector("[data-testid=overdue-chip]"));
        Assert.DoesNotContain("rectification-overdue", onTimeRow.ClassList);
        Assert.Null(onTimeRow.QuerySelector("[data-testid=overdue-chip]"));
        Assert.Contains("Rubbish left in the stairwell.", overdueRow.TextContent, StringComparison.Ordinal);
        var overdueCount = (await app.AsRectifier(Roles.Supervisor, s => s.ListAsync(new RectificationQuery(), "en", AllOfThem))).OverdueCount;
        Assert.Contains(overdueCount.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-testid=overdue-count]").TextContent, StringComparison.Ordinal);

        await page.Find("[data-testid=filter-overdue]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"td[data-id=\'{onTime.Id}\']")));
        Assert.NotEmpty(page.FindAll($"td[data-id=\'{overdue.Id}\']"));
    }

    [Fact]
    public async Task Page_EditDialog_MarksDoneAndSavesFields()
    {
        var r = await NewOpenAsync();
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Supervisor);
        await using var ctx = SurveyWorkApp.NewContext(scope.ServiceProvider, Roles.Supervisor);
        var dialogs = ctx.Render<MudDialogProvider>();
        var page = ctx.Render<RectificationsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"td[data-id=\'{r.Id}\']")));

        // The page waits for the dialog's result inside the click handler: the click completes when the dialog closes.
        var opening = Row(page, r.Id).QuerySelector("[data-testid=rectification-edit]")!.ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=rectification-editor]")));
        await dialogs.Find("input[data-testid=edit-person]").ChangeAsync(new() { Value = "张工" });
        await dialogs.Find("textarea[data-testid=edit-measure]").ChangeAsync(new() { Value = "Daily sweep of the stairwell." });
        await dialogs.Find("textarea[data-testid=edit-evidence]").ChangeAsync(new() { Value = "Inspected on Friday." });
        await dialogs.Find("[data-testid=edit-done]").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=rectification-editor]")));
        await opening;
        var saved = await app.RectificationAsync(r.Id);
        Assert.Equal(RectificationStatus.Done, saved.Status);
        Assert.Equal("张工", saved.ResponsiblePerson);
        Assert.Equal("Daily sweep of the stairwell.", saved.Measure);
        Assert.Equal("Inspected on Friday.", saved.EvidenceNote);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"td[data-id=\'{r.Id}\']")));
    }

    [Fact]
    public async Task Editor_MarkDoneWithoutEvidence_ShowsMessageAndNothingSaved()
    {
        var r = await NewOpenAsync();
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Manager);
        await using var ctx = SurveyWorkApp.NewContext(scope.ServiceProvider, Roles.Manager);
        var row = await RowAsync(r.Id);

        var editor = ctx.Render<RectificationEditor>(p => p.Add(e => e.Row, row));
        await editor.Find("textarea[data-testid=edit-measure]").ChangeAsync(new() { Value = "Daily sweep." });
        await editor.Find("[data-testid=edit-done]").ClickAsync(new());

        editor.WaitForAssertion(() => Assert.Contains(editor.FindAll(".mud-input-helper-text"),
            h => h.TextContent.Contains("Write the evidence before marking it done.", StringComparison.Ordinal)));
        var unchanged = await app.RectificationAsync(r.Id);
        Assert.Equal(RectificationStatus.Open, unchanged.Status);
        Assert.Null(unchanged.Measure);
    }

    [Fact]
    public async Task Editor_DoneRectificationForSupervisor_HasNoSignOffOrSendBack()
    {
        var done = await NewDoneAsync();
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Supervisor);
        await using var ctx = SurveyWorkApp.NewContext(scope.ServiceProvider, Roles.Supervisor);
        var row = await RowAsync(done.Id);

        var editor = ctx.Render<RectificationEditor>(p => p.Add(e => e.Row, row));

        Assert.NotEmpty(editor.FindAll("[data-testid=edit-save]"));
        Assert.Empty(editor.FindAll("[data-testid=edit-sign-off]"));
        Assert.Empty(editor.FindAll("[data-testid=edit-send-back]"));
        Assert.Empty(editor.FindAll("[data-testid=edit-done]"));
    }

    [Fact]
    public async Task Editor_DoneRectificationForManager_SignOffSigns()
    {
        var done = await NewDoneAsync();
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Manager);
        await using var ctx = SurveyWorkApp.NewContext(scope.ServiceProvider, Roles.Manager);
        var row = await RowAsync(done.Id);
        RectificationRow? savedRow = null;

        var editor = ctx.Render<RectificationEditor>(p => p.Add(e => e.Row, row).Add(e => e.Saved, (RectificationRow x) => savedRow = x));
        await editor.Find("[data-testid=edit-sign-off]").ClickAsync(new());

        editor.WaitForAssertion(() => Assert.NotNull(savedRow));
        Assert.Equal(RectificationStatus.SignedOff, savedRow!.Status);
        Assert.Equal(RectificationStatus.SignedOff, (await app.RectificationAsync(done.Id)).Status);
        Assert.Empty(editor.FindAll("[data-testid=edit-sign-off]"));
        Assert.Empty(editor.FindAll("[data-testid=edit-save]"));
    }

    [Fact]
    public async Task Editor_StaleVersion_ShowsConflictAndTheFreshRecord()
    {
        var r = await NewOpenAsync();
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Supervisor);
        await using var ctx = SurveyWorkApp.NewContext(scope.ServiceProvider, Roles.Supervisor);
        var row = await RowAsync(r.Id);
        var editor = ctx.Render<RectificationEditor>(p => p.Add(e => e.Row, row));
        var other = new RectificationEdit { Department = r.Department, DueDate = r.DueDate, ResponsiblePerson = "王经理" };
        Assert.True((await app.AsRectifier(Roles.Manager, s => s.UpdateAsync(r.Id, r.Version, other))).Ok);

        await editor.Find("input[data-testid=edit-person]").ChangeAsync(new() { Value = "张工" });
        await editor.Find("[data-testid=edit-save]").ClickAsync(new());

        editor.WaitForAssertion(() => Assert.NotEmpty(editor.FindAll("[data-testid=rectification-error]")));
        Assert.Equal("王经理", editor.Find("input[data-testid=edit-person]").GetAttribute("value"));
        Assert.Equal("王经理", (await app.RectificationAsync(r.Id)).ResponsiblePerson);
    }

    /// <summary>The table row of a record: the cell that carries its id, and the row around it.</summary>
    private static AngleSharp.Dom.IElement Row<T>(IRenderedComponent<T> page, int id) where T : Microsoft.AspNetCore.Components.IComponent =>
        page.Find($"td[data-id='{id}']").ParentElement!;
}
