using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Collection;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Ledger;
using PropertyHub.Features.Reception.Queue;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Answer;
using PropertyHub.Features.Surveys.Rectifications;
using PropertyHub.Tests.Features.Fees;
using PropertyHub.Tests.Features.Fees.Books;
using PropertyHub.Tests.Features.Reception;
using PropertyHub.Tests.Features.Registry;

namespace PropertyHub.Tests.Features.Settings;
/// <summary>The estate clock itself and what is worked out from it: receipts, billing, the ledger and the queue.</summary>
public sealed class EstateClockTests : TwoEstatesTest
{
    [Fact]
    public async Task EstateTime_TwoEstates_EachOnItsCalendarsZoneAndAChangedZoneSeenAtOnce()
    {
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));

        Assert.Equal("Asia/Shanghai", Time.DefaultZoneId);
        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2026, 12, 31)), (Time.Today(shanghai), Time.Today(london)));
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero), Time.ToLocal(london, factory.Clock.GetUtcNow()));
        Assert.Equal((new DateTimeOffset(2026, 12, 30, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero)),
            Time.DayBounds(shanghai, new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 31)));
        Assert.Equal((new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            Time.DayBounds(london, new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 31)));
        // Duties follow the first estate, the demo one.
        Assert.Equal("Asia/Shanghai", Time.Zone.Id);

        // The admin moves the estate to New York on its calendar: the next answer is New York's.
        await factory.WithAsync(async sp =>
        {
            await ActingAs.SignInScopeAsync(sp, Roles.Admin);
            var calendars = sp.GetRequiredService<ServiceCalendarService>();
            var current = (await calendars.GetAsync(london))!;
            var changed = ServiceCalendarService.Copy(current.Calendar);
            changed.TimeZoneId = "America/New_York";
            Assert.True((await calendars.SaveAsync(london, current.Version, changed)).Saved);
            return 0;
        });
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 11, 30, 0, TimeSpan.FromHours(-5)), Time.ToLocal(london, factory.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Receipt_AtShanghaiMidnightOnNewYear_NumberedInEachEstatesOwnYear()
    {
        // 00:30 on 1 January 2027 in Shanghai; 16:30 on 31 December 2026 in London.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));

        var inShanghai = await PaymentServiceTests.PayAsync(factory, shanghaiUnit, "10.00");
        var inLondon = await PaymentServiceTests.PayAsync(factory, londonUnit, "10.00");

        Assert.Equal("R2027-000001", inShanghai.ReceiptNumber);
        Assert.Equal("R2026-000001", inLondon.ReceiptNumber);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal([(shanghai, 2027), (london, 2026)],
            (await db.Payments.OrderBy(p => p.Id).Select(p => new { p.EstateId, p.ReceiptYear }).ToListAsync()).Select(p => (p.EstateId, p.ReceiptYear)));
    }

    [Fact]
    public async Task Billing_LateInTheDay_DueDateCountedFromEachEstatesDate()
    {
        // 17:00 on 15 December in London; already 01:00 on the 16th in Shanghai, a day late there.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 17, 0, 0, TimeSpan.Zero));

        await factory.WithAsync(sp => sp.GetRequiredService<PaymentRequestIssuer>().IssueAsync(new DateOnly(2026, 12, 1), CancellationToken.None));

        await using var db = await factory.CreateDbContextAsync();
        var due = await db.PaymentRequests.Where(r => r.UnitId == shanghaiUnit || r.UnitId == londonUnit).ToDictionaryAsync(r => r.UnitId, r => r.DueDate);
        Assert.Equal(new DateOnly(2026, 12, 20), due[londonUnit]);
        Assert.Equal(new DateOnly(2026, 12, 21), due[shanghaiUnit]);
    }

    [Fact]
    public async Task Ledger_LondonEstate_DayEndsAtLondonMidnightInSummerTime()
    {
        var estate = new LedgerTesting.TestEstate(london, londonUnit, "L1-101");
        await using (var db = await factory.CreateDbContextAsync())
        {
            // 23:30 on 1 July and 00:30 on 2 July in London (BST, UTC+1); both are 2 July in Shanghai.
            db.ServiceRequests.AddRange(
                estate.Contact(RequestKind.Inquiry, new DateTimeOffset(2026, 7, 1, 22, 30, 0, TimeSpan.Zero), "late on the first"),
                estate.Contact(RequestKind.Inquiry, new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero), "early on the second"));
            await db.SaveChangesAsync();
        }

        var (first, second, time) = await factory.WithAsync(async sp =>
        {
            var ledger = sp.GetRequiredService<LedgerService>();
            var one = await ledger.PageAsync(london, new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 1), 0, 25);
            var two = await ledger.PageAsync(london, new DateOnly(2026, 7, 2), new DateOnly(2026, 7, 2), 0, 25);
            return (one, two, sp.GetRequiredService<LedgerFormat>().Time(london, one.Rows.Single().ReceivedAt));
        });

        Assert.Equal("late on the first", Assert.Single(first.Rows).Content);
        Assert.Equal("early on the second", Assert.Single(second.Rows).Content);
        Assert.Equal("2026-07-01 23:30", time);
    }

    [Fact]
    public async Task Queue_LondonEstate_DueTodayAndTheDrawersDueTimeOnLondonsClock()
    {
        // 23:00 on 1 July in London.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 22, 0, 0, TimeSpan.Zero));
        var estate = new LedgerTesting.TestEstate(london, londonUnit, "L1-101");
        ServiceRequest today, tomorrow;
        await using (var db = await factory.CreateDbContextAsync())
        {
            today = estate.Contact(RequestKind.Complaint, factory.Clock.GetUtcNow().AddHours(-1), "due at 23:45");
            today.DueAt = new DateTimeOffset(2026, 7, 1, 22, 45, 0, TimeSpan.Zero);
            tomorrow = estate.Contact(RequestKind.Complaint, factory.Clock.GetUtcNow().AddHours(-1), "due at 00:15");
            tomorrow.DueAt = new DateTimeOffset(2026, 7, 1, 23, 15, 0, TimeSpan.Zero);
            db.ServiceRequests.AddRange(today, tomorrow);
            await db.SaveChangesAsync();
        }

        var counters = await factory.WithAsync(sp => sp.GetRequiredService<QueueQueries>().GetCountersAsync(new QueueFilter { EstateId = london }));
        Assert.Equal((2, 1), (counters.Open, counters.DueToday));

        await RegistryTesting.InCultureAsync("en", () => factory.AsAsync(Roles.Supervisor, async sp =>
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(sp.GetRequiredService<ReceptionService>());
            ctx.Services.AddSingleton(sp.GetRequiredService<EstateTime>());
            ctx.Services.AddSingleton(sp.GetRequiredService<TimeProvider>());
            ctx.Render<MudBlazor.MudPopoverProvider>();
            var drawer = ctx.Render<QueueDrawer>(p => p.Add(d => d.RequestId, tomorrow.Id));
            drawer.WaitForAssertion(() => Assert.Contains("2026-07-02 00:15", drawer.Find("[data-testid=drawer-request]").TextContent));
            Assert.DoesNotContain("07:15", drawer.Find("[data-testid=drawer-request]").TextContent);
        }));
    }
}
