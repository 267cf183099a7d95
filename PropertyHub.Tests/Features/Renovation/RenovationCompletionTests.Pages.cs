using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees.PaidServices;
using PropertyHub.Features.Files;
using PropertyHub.Features.Renovation;
using PropertyHub.Features.Renovation.Completion;
using PropertyHub.Features.Renovation.Passes;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Renovation;

/// <summary>The renovation's sections as the trial used them: messages where the button is, the checklist, the papers, the tablet's language.</summary>
public sealed partial class RenovationCompletionTests
{
    /// <summary>Renders a renovation component as <paramref name="role"/> with the app's services, in English.</summary>
    private async Task WithPageAsync(string role, Func<BunitContext, Task> test)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        await using var scope = factory.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, role);
        await using var ctx = new BunitContext();
        try
        {
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.AddAuthorization().SetAuthorized(role).SetAccess(role);
            foreach (var type in new[] { typeof(RenovationService), typeof(RenovationCompletionService), typeof(WorkerPassService), typeof(EstateTime),
                         typeof(FileIntake), typeof(PaidServiceService), typeof(PropertyHub.Features.Accounts.StaffPasswordCheck) })
                ctx.Services.AddSingleton(type, scope.ServiceProvider.GetRequiredService(type));
            await test(ctx);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Picks a MudRadio by its test id, by whichever event its input listens to.</summary>
    private static void Pick<TPage>(IRenderedComponent<TPage> page, string testId, object value) where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        var found = page.Find($"[data-testid={testId}]");
        var input = found.TagName == "INPUT" ? found : found.QuerySelector("input")!;
        try
        {
            input.Click();
        }
        catch (Bunit.MissingEventHandlerException)
        {
            input.Change(value);
        }
    }

    [Fact]
    public async Task InspectionForm_ItemUnmarked_RefusedNextToTheButtonNothingSaved_ThenMarkedSaved()
    {
        var (id, _) = await renovations.PermitWithPassesAsync();
        var sheet = await renovations.SheetAsync(id);

        await WithPageAsync(Roles.Engineer, async ctx =>
        {
            var note = new ActionNote();
            note.Say("passes", "Pass SG-1 saved.", false);
            var page = ctx.Render<RenovationSettlement>(p => p.AddCascadingValue(note).Add(x => x.Sheet, sheet));
            var checks = CompletionRules.Checklist;
            foreach (var check in checks.Skip(1))
                Pick(page, $"completion-{check}-ok", true);
            page.Find("[data-testid=inspection-save]").Click();

            page.WaitForAssertion(() => Assert.Contains("Mark every checklist item", page.Find("[data-testid=renovation-inspection] [data-testid=settlement-message]").TextContent));
            Assert.Equal("inspection", note.Place);
            Assert.Equal(RenovationStatus.PermitIssued, (await renovations.SheetAsync(id)).Status);

            Pick(page, $"completion-{checks[0]}-fail", false);
            page.Find("[data-testid=inspection-save]").Click();
            await page.WaitForAssertionAsync(async () => Assert.Equal(RenovationStatus.Completed, (await renovations.SheetAsync(id)).Status));
        });
        var view = (await renovations.CompletionAsync(Roles.Clerk, s => s.ViewAsync(id)))!;
        Assert.Equal([CompletionRules.Checklist[0]], view.Inspection!.Failed);
    }

    [Fact]
    public async Task Passes_OnAPhone_AreCardsWithEachValueLabelled()
    {
        var (id, _) = await renovations.PermitWithPassesAsync();
        var sheet = await renovations.SheetAsync(id);

        await WithPageAsync(Roles.Clerk, ctx =>
        {
            var page = ctx.Render<RenovationPasses>(p => p.Add(x => x.Sheet, sheet));

            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=pass-name]")));
            Assert.Contains("mud-sm-table", page.Find("[data-testid=passes-table]").ClassList);
            Assert.All(page.FindAll("[data-testid=pass-name]"), td => Assert.Equal("Worker's name", td.GetAttribute("data-label")));
            Assert.All(page.FindAll("[data-testid=pass-number]"), td => Assert.False(string.IsNullOrEmpty(td.GetAttribute("data-label"))));
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task PassWriteOff_ConfirmedInItsRow_SaysWrittenOff_AndAnEarlierMessageIsGone()
    {
        var (id, passes) = await renovations.PermitWithPassesAsync();
        Assert.True((await renovations.InspectAsync(id)).Ok);
        var sheet = await renovations.SheetAsync(id);

        await WithPageAsync(Roles.Clerk, async ctx =>
        {
            var note = new ActionNote();
            note.Say("permit", "Permit SG2026-000001 issued.", false);
            var page = ctx.Render<RenovationPasses>(p => p.AddCascadingValue(note).Add(x => x.Sheet, sheet));
            page.FindAll("[data-testid=pass-write-off]")[0].Click();
            var row = page.Find("[data-testid=pass-confirm-row]");
            Assert.Contains("Write off pass", row.TextContent);
            row.QuerySelector("input")!.Change("Worker lost the card");
            page.Find("[data-testid=pass-confirm-row] [data-testid=pass-revoke-confirm]").Click();

            page.WaitForAssertion(() => Assert.Contains("written off", page.Find("[data-testid=passes-message]").TextContent));
            Assert.Equal("passes", note.Place);
            Assert.DoesNotContain("issued", note.Text);
        });
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal("Worker lost the card", await db.WorkerPasses.Where(p => p.Id == passes[0]).Select(p => p.WriteOffReason).SingleAsync());
    }

    [Fact]
    public async Task CorrectingAReturnedApplication_ListsThePapersAlreadyAttached()
    {
        var id = await renovations.SubmittedAsync();
        var sheet = await renovations.SheetAsync(id);
        Assert.True((await renovations.AsAsync(Roles.Engineer, s => s.ReviewAsync(id, sheet.Version,
            new RenovationReview { Failed = [CovenantCheck.NoiseHours], Reasons = "请注明施工时间" }))).Ok);
        var papers = (await renovations.SheetAsync(id)).Documents;

        await WithPageAsync(Roles.Clerk, ctx =>
        {
            var page = ctx.Render<RenovationApplyPage>(p => p.Add(x => x.Id, id));
            page.WaitForAssertion(() => Assert.Equal(papers.Count, page.FindAll("[data-testid=ra-kept]").Count));
            Assert.All(papers, d => Assert.Contains(page.FindAll("[data-testid=ra-kept]"), a => a.GetAttribute("href") == $"/renovations/{id}/files/{d.FileId}"));
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task ContractorTablet_ReadsInTheOwnersLanguage_AndThePickedOne()
    {
        var id = await renovations.ApprovedAsync();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var ownerId = await db.RenovationApplications.Where(a => a.Id == id).Select(a => a.OccupantId).SingleAsync();
            (await db.Occupants.SingleAsync(o => o.Id == ownerId)).PreferredLanguage = "zh-Hant";
            await db.SaveChangesAsync();
        }

        await WithPageAsync(Roles.Clerk, ctx =>
        {
            var page = ctx.Render<RenovationSignPage>(p => p.Add(x => x.Id, id).Add(x => x.Party, "contractor"));
            page.WaitForAssertion(() => Assert.Contains("安全責任書", page.Find("[data-testid=renovation-sign-page] h5").TextContent));
            Pick(page, "paper-language-en", "en");
            page.WaitForAssertion(() => Assert.DoesNotContain("安全責任書", page.Find("[data-testid=renovation-sign-page] h5").TextContent));
            return Task.CompletedTask;
        });
    }
}
