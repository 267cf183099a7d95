using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees.Collection;

namespace PropertyHub.Tests.Features.Fees.Collection;

/// <summary>A collector with more visits than fit on one phone page.</summary>
public sealed class MyVisitsPagingTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();
    private int tasks;

    public async Task InitializeAsync()
    {
        await factory.SeedManyAsync(20);
        tasks = await factory.CreateTasksAsync();
        await using var db = await factory.DbAsync();
        foreach (var unitId in await db.CollectionTasks.Select(t => t.UnitId).Distinct().ToListAsync())
            await factory.AssignUnitAsync(unitId, Roles.Clerk);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public Task MyVisits_MoreThanAPage_FirstPageThenTheRestByThePager() =>
        factory.RenderMyVisitsAsync(Roles.Clerk, async page =>
        {
            Assert.InRange(tasks, MyVisitsPage.PageSize + 1, 2 * MyVisitsPage.PageSize);
            page.WaitForAssertion(() => Assert.Equal(MyVisitsPage.PageSize, page.FindAll("[data-testid=collection-visit]").Count));
            Assert.NotNull(page.Find("[data-testid=collection-mine-pager]"));
            await page.InvokeAsync(() => page.FindComponent<MudPagination>().Instance.NavigateToAsync(1));

            page.WaitForAssertion(() => Assert.Equal(tasks - MyVisitsPage.PageSize, page.FindAll("[data-testid=collection-visit]").Count));
        });
}
