using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Collection;
using PropertyHub.Features.Notices;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Tests.Features.Registry;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Fees.Collection;

/// <summary>The phone page over the real services, as the clerk the unit's tasks are assigned to.</summary>
public sealed class MyVisitsPageTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();
    private int unitId;

    public async Task InitializeAsync()
    {
        (unitId, _) = await PaymentServiceTests.SeedRequestsAsync(factory);
        await factory.CreateTasksAsync();
        await factory.AssignUnitAsync(unitId, Roles.Clerk);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private Task RenderAsync(string role, Func<IRenderedComponent<MyVisitsPage>, Task> test) => factory.RenderMyVisitsAsync(role, test);

    private static IElement Card(IRenderedComponent<MyVisitsPage> page, string month) =>
        page.FindAll("[data-testid=collection-visit]").Single(c => c.TextContent.Contains(month));

    [Fact]
    public Task MyVisits_PaidOnSpot_ShowsReceiptNumberAndLink() =>
        RenderAsync(Roles.Clerk, async page =>
        {
            page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=collection-visit]").Count));
            var card = Card(page, "2026-09");
            Assert.StartsWith("tel:", card.QuerySelector("[data-testid=collection-visit-call]")!.GetAttribute("href"));
            card.QuerySelector("[data-testid=collection-outcome-PaidOnSpot]")!.Click();
            page.WaitForAssertion(() => Assert.Equal("300.00", Card(page, "2026-09").QuerySelector("input[data-testid=collection-amount]")!.GetAttribute("value")));
            Card(page, "2026-09").QuerySelector("[data-testid=collection-save]")!.Click();

            await using var db = await factory.DbAsync();
            var payment = await WaitForAsync(() => db.Payments.AsNoTracking().SingleOrDefaultAsync());
            page.WaitForAssertion(() => Assert.Contains(payment.ReceiptNumber, page.Find("[data-testid=collection-receipt-text]").TextContent));
            Assert.Equal($"/fees/receipts/{payment.Id}", page.Find("[data-testid=collection-receipt-link]").GetAttribute("href"));
            Assert.Contains("580.50", page.Find("[data-testid=collection-still-outstanding]").TextContent);
            // The paid task leaves the list; the other two stay.
            page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=collection-visit]").Count));
            Assert.Equal(300m, payment.Amount);
        });

    [Fact]
    public Task MyVisits_RefusedWithoutNote_ShowsErrorAndSavesNothing() =>
        RenderAsync(Roles.Clerk, async page =>
        {
            page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=collection-visit]").Count));
            Card(page, "2026-11").QuerySelector("[data-testid=collection-outcome-Refused]")!.Click();
            page.WaitForElement("[data-testid=collection-save]").Click();

            page.WaitForAssertion(() => Assert.Contains("Write what the occupant said.", page.Markup));
            await using var db = await factory.DbAsync();
            Assert.False(await db.CollectionVisits.AnyAsync());
        });

    [Fact]
    public Task MyVisits_ReminderTwiceInADay_QueuedOnceThenAlreadySent() =>
        RenderAsync(Roles.Clerk, async page =>
        {
            page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=collection-visit]").Count));
            Card(page, "2026-11").QuerySelector("[data-testid=collection-remind]")!.Click();
            page.WaitForAssertion(() => Assert.Contains("queued", page.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Last().Message));
            Card(page, "2026-11").QuerySelector("[data-testid=collection-remind]")!.Click();
            page.WaitForAssertion(() => Assert.Contains("already sent", page.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Last().Message));

            await using var db = await factory.DbAsync();
            var notices = await db.Notices.AsNoTracking().Where(n => n.Kind == CollectionVisits.ReminderKind).ToListAsync();
            Assert.NotEmpty(notices);
            Assert.Single(notices.Select(n => n.SourceKey).Distinct());
            Assert.Matches(@"^reminder:\d+:\d{4}-\d{2}-\d{2}$", notices[0].SourceKey);
            var payer = await db.Occupants.AsNoTracking().SingleAsync(o => o.Id == notices[0].OccupantId);
            Assert.Equal(payer.UnitId, unitId);
            Assert.Equal(NoticeOutbox.CultureOf(payer.PreferredLanguage).Name, notices[0].Language);
            Assert.Contains("280.50", notices[0].Body);
        });

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> read) where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            if (await read() is { } found)
                return found;
            await Task.Delay(100);
        }
        throw new TimeoutException("Nothing was saved.");
    }
}
