using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Collection;
using PropertyHub.Tests.Features.Registry;

namespace PropertyHub.Tests.Features.Fees.Collection;

/// <summary>The assignment page over the real services, as Finance.</summary>
public sealed class CollectionPageTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();

    public async Task InitializeAsync()
    {
        await PaymentServiceTests.SeedRequestsAsync(factory);
        await factory.CreateTasksAsync();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private Task RenderAsync(Func<IRenderedComponent<CollectionPage>, Task> test) =>
        RegistryTesting.InCultureAsync("en", () => factory.AsAsync(Roles.Finance, async sp =>
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(sp.GetRequiredService<CollectionService>());
            var host = ctx.Render(b =>
            {
                b.OpenComponent<MudPopoverProvider>(0);
                b.CloseComponent();
                b.OpenComponent<CollectionPage>(1);
                b.CloseComponent();
            });
            await test(host.FindComponent<CollectionPage>());
        }));

    private async Task<string> UserIdAsync(string role)
    {
        string id = "";
        await factory.WithScopeAsync(async sp => id = (await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(SignIn.DemoEmail(role)))!.Id);
        return id;
    }

    private static Task AssignToAsync(IRenderedComponent<CollectionPage> page, string userId)
    {
        var select = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Assign to");
        return page.InvokeAsync(() => select.Instance.SelectOption(userId));
    }

    [Fact]
    public async Task Page_AssignBuildingToEngineer_AllOpenTasksAssigned()
    {
        var engineer = await UserIdAsync(Roles.Engineer);
        await RenderAsync(async page =>
        {
            page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=collection-task]").Count));
            await AssignToAsync(page, engineer);
            page.Find("[data-testid=collection-assign-building]").Click();

            page.WaitForAssertion(() => Assert.All(page.FindAll("[data-testid=collection-task-assignee]"), a => Assert.NotEqual("Unassigned", a.TextContent.Trim())));
            await using var db = await factory.DbAsync();
            Assert.All(await db.CollectionTasks.ToListAsync(), t => Assert.Equal(engineer, t.AssignedToId));
        });
    }

    [Fact]
    public async Task Page_TaskChangedMeanwhile_ConflictShownAndNothingAssigned()
    {
        var clerk = await UserIdAsync(Roles.Clerk);
        await RenderAsync(async page =>
        {
            page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=collection-task]").Count));
            page.FindAll("[data-testid=collection-task] input[type=checkbox]")[0].Change(true);
            page.FindAll("[data-testid=collection-task] input[type=checkbox]")[1].Change(true);
            await AssignToAsync(page, clerk);
            // Someone records a visit on one of them while the page is open.
            await using (var db = await factory.DbAsync())
            {
                var first = await db.CollectionTasks.OrderBy(t => t.Id).FirstAsync();
                first.Visits.Add(new CollectionVisit { VisitedAt = DateTimeOffset.UtcNow, VisitedBy = "王工", Outcome = VisitOutcome.NotAtHome });
                db.Entry(first).Property(t => t.Status).IsModified = true;
                await db.SaveChangesAsync();
            }
            page.Find("[data-testid=collection-assign-selected]").Click();

            var snackbar = page.Services.GetRequiredService<ISnackbar>();
            page.WaitForAssertion(() => Assert.Contains("changed", snackbar.ShownSnackbars.Last().Message));
            await using var check = await factory.DbAsync();
            Assert.All(await check.CollectionTasks.ToListAsync(), t => Assert.Null(t.AssignedToId));
            // The page shows the latest state: the visit is there.
            page.WaitForAssertion(() => Assert.Contains("Not at home", page.Markup));
        });
    }

    [Fact]
    public async Task Page_FilteredToNothing_SaysSoOnce()
    {
        await RenderAsync(async page =>
        {
            page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=collection-task]").Count));
            var status = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Status");
            await page.InvokeAsync(() => status.Instance.SelectOption(nameof(CollectionStatus.Paid)));

            page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=collection-task]")));
            Assert.Equal("No collection tasks match.", page.Find("[data-testid=collection-none]").TextContent.Trim());
            Assert.Empty(page.FindAll("[data-testid=collection-tasks-none]"));
            Assert.Single(page.FindAll("[data-testid=collection-none]"));
            Assert.Empty(page.FindAll("[data-testid=collection-building]"));
        });
    }
}
