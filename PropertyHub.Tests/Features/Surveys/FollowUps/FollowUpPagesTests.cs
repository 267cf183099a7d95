using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.FollowUps;
using PropertyHub.Tests.Features.Surveys.Rectifications;

using static PropertyHub.Tests.Features.Surveys.Rectifications.SurveyWorkApp;
namespace PropertyHub.Tests.Features.Surveys.FollowUps;

/// <summary>The follow-ups page and its record dialog, rendered against the real services.</summary>
public sealed class FollowUpPagesTests(SurveyWorkApp app) : IClassFixture<SurveyWorkApp>
{
    private async Task<FollowUp> NewOpenAsync(string suggestion)
    {
        var surveyId = await app.AnswerNextAsync(low: 0, comment: null, suggestion: suggestion);
        return await app.FollowUpOfAsync(surveyId);
    }

    [Fact]
    public async Task Page_RecordDialog_SavesOutcomeAndRowLeavesOpenList()
    {
        var f = await NewOpenAsync("Fix the gate bell.");
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Clerk);
        await using var ctx = SurveyWorkApp.NewContext(scope.ServiceProvider, Roles.Clerk);
        var dialogs = ctx.Render<MudDialogProvider>();
        var page = ctx.Render<FollowUpsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"td[data-id=\'{f.Id}\']")));
        Assert.Contains("Fix the gate bell.", Row(page, f.Id).TextContent, StringComparison.Ordinal);

        // The page waits for the dialog's result inside the click handler: the click completes when the dialog closes.
        var opening = Row(page, f.Id).QuerySelector("[data-testid=follow-up-record]")!.ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=follow-up-form]")));
        await dialogs.Find("textarea[data-testid=follow-up-outcome-input]").ChangeAsync(new() { Value = "Called; the bell is fixed." });
        await dialogs.Find("[data-testid=follow-up-save]").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=follow-up-form]")));
        await opening;
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"td[data-id=\'{f.Id}\']")));
        var saved = await app.FollowUpOfAsync(f.SurveyId);
        Assert.Equal(FollowUpStatus.Done, saved.Status);
        Assert.Equal(FollowUpMethod.Call, saved.Method);
        Assert.Equal("Called; the bell is fixed.", saved.Outcome);

        await page.Find("[data-testid=follow-up-filter-done]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Called; the bell is fixed.", Row(page, f.Id).TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Form_EmptyOutcome_ShowsMessageAndStaysOpen()
    {
        var f = await NewOpenAsync("More lights in the car park.");
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Supervisor);
        await using var ctx = SurveyWorkApp.NewContext(scope.ServiceProvider, Roles.Supervisor);
        var row = (await app.AsFollowUper(Roles.Supervisor, async s => (await s.ListAsync(FollowUpFilter.Open, AllOfThem)).Rows)).Single(r => r.Id == f.Id);
        var saved = false;

        var form = ctx.Render<FollowUpForm>(p => p.Add(x => x.Row, row).Add(x => x.Saved, () => saved = true));
        await form.Find("[data-testid=follow-up-save]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Contains(form.FindAll(".mud-input-helper-text"),
            h => h.TextContent.Contains("Write the outcome of the follow-up.", StringComparison.Ordinal)));
        Assert.False(saved);
        Assert.Equal(FollowUpStatus.Open, (await app.FollowUpOfAsync(f.SurveyId)).Status);
    }

    [Fact]
    public async Task Page_Phone_ShownInFullAsATelLink()
    {
        var f = await NewOpenAsync("Paint the railings.");
        await using (var db = await app.CreateDbContextAsync())
        {
            var occupant = await db.Occupants.FindAsync(f.OccupantId);
            occupant!.Phone = "13912345678";
            await db.SaveChangesAsync();
        }
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Manager);
        await using var ctx = SurveyWorkApp.NewContext(scope.ServiceProvider, Roles.Manager);

        var page = ctx.Render<FollowUpsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"td[data-id=\'{f.Id}\']")));
        // The follow-up is a call: the number is there in full, one tap to dial.
        var phone = Row(page, f.Id).QuerySelector("[data-testid=follow-up-phone] a")!;
        Assert.Equal(("13912345678", "tel:13912345678"), (phone.TextContent.Trim(), phone.GetAttribute("href")));
    }

    /// <summary>The table row of a record: the cell that carries its id, and the row around it.</summary>
    private static AngleSharp.Dom.IElement Row<T>(IRenderedComponent<T> page, int id) where T : Microsoft.AspNetCore.Components.IComponent =>
        page.Find($"td[data-id='{id}']").ParentElement!;
}
