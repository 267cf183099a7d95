using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PropertyHub.Data;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Queue;
using PropertyHub.Features.ScheduledDuties;
using static PropertyHub.Tests.Features.Reception.QueueTesting;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Reception;

public sealed class QueueQueriesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    // 23:30 on 10 March in Shanghai (UTC+8): the estate's day ends in half an hour, the UTC day in 8.5 hours.
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Now);

    private async Task<(QueueQueries Queries, int EstateId, List<PropertyHub.Features.Registry.Unit> Units)> ArrangeAsync(
        Func<int, List<PropertyHub.Features.Registry.Unit>, IEnumerable<ServiceRequest>> items)
    {
        var dbFactory = factory.Services.CreateScope().ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        var (estate, units) = await NewEstateAsync(db);
        db.ServiceRequests.AddRange(items(estate.Id, units));
        await db.SaveChangesAsync();
        var time = new EstateTime(factory.Services.GetRequiredService<IAppDbContextSource>(), Options.Create(new EstateTimeOptions { TimeZone = "Asia/Shanghai" }), clock);
        return (new QueueQueries(dbFactory, time, clock), estate.Id, units);
    }

    [Fact]
    public async Task GetPage_OpenItems_SortedByTimeLeftThenWithoutDeadlineByReceipt()
    {
        var (queries, estateId, _) = await ArrangeAsync((e, _) =>
        [
            Item(e, RequestKind.Complaint, Now.AddHours(-5), Now.AddHours(10), "ten hours"),
            Item(e, RequestKind.Inquiry, Now.AddHours(-9), null, "no deadline, early"),
            Item(e, RequestKind.Inquiry, Now.AddHours(-1), Now.AddHours(1), "one hour"),
            Item(e, RequestKind.Inquiry, Now.AddHours(-2), null, "no deadline, late"),
            Item(e, RequestKind.Complaint, Now.AddHours(-80), Now.AddHours(-8), "overdue"),
            Item(e, RequestKind.Complaint, Now.AddHours(-1), Now.AddMinutes(30), "closed").With(r => { r.Status = RequestStatus.Closed; }),
        ]);

        var page = await queries.GetPageAsync(new QueueFilter { EstateId = estateId });

        Assert.Equal(["overdue", "one hour", "ten hours", "no deadline, early", "no deadline, late"], page.Rows.Select(r => r.Excerpt));
        Assert.True(page.Rows[0].IsOverdue);
        Assert.Equal(5, page.Total);
    }

    [Fact]
    public async Task GetPage_DefaultKinds_ComplaintsAndInquiriesOnlyUnlessChosen()
    {
        var (queries, estateId, _) = await ArrangeAsync((e, _) =>
        [
            Item(e, RequestKind.Complaint, Now, Now.AddHours(72)),
            Item(e, RequestKind.Inquiry, Now, Now.AddHours(2)),
            Item(e, RequestKind.Message, Now, Now.AddMinutes(20)),
            Item(e, RequestKind.Repair, Now, Now.AddHours(24)),
            Item(e, RequestKind.Suggestion, Now, null),
        ]);

        var byDefault = await queries.GetPageAsync(new QueueFilter { EstateId = estateId });
        var chosen = await queries.GetPageAsync(new QueueFilter { EstateId = estateId, Kinds = new HashSet<RequestKind> { RequestKind.Message, RequestKind.Suggestion } });

        Assert.Equal([RequestKind.Inquiry, RequestKind.Complaint], byDefault.Rows.Select(r => r.Kind));
        Assert.Equal([RequestKind.Message, RequestKind.Suggestion], chosen.Rows.Select(r => r.Kind));
        Assert.Equal(2, chosen.Counters.Open);
    }

    [Fact]
    public async Task GetPage_DefaultKinds_LateOrEscalatedItemsOfAnyKindShowToo()
    {
        var (queries, estateId, _) = await ArrangeAsync((e, _) =>
        [
            Item(e, RequestKind.Repair, Now.AddHours(-51), Now.AddHours(-27), "repair 51 h old, overdue"),
            Item(e, RequestKind.Message, Now.AddHours(-2), Now.AddMinutes(-10), "call-back past its time"),
            Item(e, RequestKind.Suggestion, Now.AddHours(-1), null, "escalated suggestion").With(r => r.Level = EscalationLevel.Supervisor),
            Item(e, RequestKind.Repair, Now, Now.AddHours(24), "repair in time"),
            Item(e, RequestKind.Message, Now, Now.AddMinutes(20), "call-back in time"),
            Item(e, RequestKind.Repair, Now.AddHours(-80), Now.AddHours(-60), "closed overdue repair").With(r => { r.Status = RequestStatus.Closed; r.IsOverdue = true; }),
        ]);

        var byDefault = await queries.GetPageAsync(new QueueFilter { EstateId = estateId });

        Assert.Equal(["repair 51 h old, overdue", "call-back past its time", "escalated suggestion"], byDefault.Rows.Select(r => r.Excerpt));
        Assert.Equal((3, 2), (byDefault.Counters.Open, byDefault.Counters.Overdue));
    }

    [Fact]
    public async Task GetPage_Filters_DepartmentAssigneeBuildingLevelOverdue()
    {
        var (queries, estateId, units) = await ArrangeAsync((e, u) =>
        [
            Item(e, RequestKind.Complaint, Now, Now.AddHours(70), "engineering").With(r => { r.Department = Department.Engineering; }),
            Item(e, RequestKind.Complaint, Now, Now.AddHours(71), "assigned").With(r => { r.AssigneeId = "user-1"; r.AssigneeName = "Chen"; }),
            Item(e, RequestKind.Complaint, Now, Now.AddHours(72), "building 2").With(r => { r.UnitId = u[2].Id; }),
            Item(e, RequestKind.Complaint, Now, Now.AddHours(5), "manager").With(r => { r.Level = EscalationLevel.Manager; }),
            Item(e, RequestKind.Complaint, Now.AddDays(-4), Now.AddHours(-2), "overdue").With(r => { r.IsOverdue = true; r.Level = EscalationLevel.Manager; }),
            Item(e, RequestKind.Complaint, Now, Now.AddHours(60), "building 1").With(r => { r.UnitId = u[0].Id; }),
        ]);
        var buildings = await queries.BuildingsAsync(estateId);
        Task<IEnumerable<string>> ExcerptsAsync(QueueFilter f) =>
            queries.GetPageAsync(f with { EstateId = estateId }).ContinueWith(t => t.Result.Rows.Select(r => r.Excerpt));

        Assert.Equal(["engineering"], await ExcerptsAsync(new QueueFilter { Department = Department.Engineering }));
        Assert.Equal(["assigned"], await ExcerptsAsync(new QueueFilter { AssigneeId = "user-1" }));
        Assert.Equal(["building 2"], await ExcerptsAsync(new QueueFilter { BuildingId = buildings.Single(b => b.Code == "2").Id }));
        Assert.Equal(["overdue", "manager"], await ExcerptsAsync(new QueueFilter { Level = EscalationLevel.Manager }));
        var overdueOnly = await queries.GetPageAsync(new QueueFilter { EstateId = estateId, OverdueOnly = true });
        Assert.Equal(["overdue"], overdueOnly.Rows.Select(r => r.Excerpt));
        Assert.Equal(1, overdueOnly.Total);
        Assert.Equal(6, overdueOnly.Counters.Open);
    }

    [Fact]
    public async Task Counters_DueTodayInTheEstatesTimeZone_WarningAndOverdue()
    {
        var (queries, estateId, _) = await ArrangeAsync((e, _) =>
        [
            // Due 23:59 today in Shanghai: today.
            Item(e, RequestKind.Inquiry, Now.AddHours(-1), new DateTimeOffset(2026, 3, 10, 15, 59, 0, TimeSpan.Zero)),
            // Due 00:00 tomorrow in Shanghai (still 10 March in UTC): not today.
            Item(e, RequestKind.Inquiry, Now.AddHours(-1), new DateTimeOffset(2026, 3, 10, 16, 0, 0, TimeSpan.Zero)),
            // Due 01:00 tomorrow in Shanghai (still 10 March in UTC): not today.
            Item(e, RequestKind.Inquiry, Now.AddHours(-1), new DateTimeOffset(2026, 3, 10, 17, 0, 0, TimeSpan.Zero)),
            // Due 00:00 today in Shanghai (9 March in UTC), passed: today and overdue (not yet marked by the sweep).
            Item(e, RequestKind.Inquiry, Now.AddHours(-30), new DateTimeOffset(2026, 3, 9, 16, 0, 0, TimeSpan.Zero)).With(r => { r.Level = EscalationLevel.Supervisor; }),
            // Due 23:59 yesterday in Shanghai: overdue, not today.
            Item(e, RequestKind.Complaint, Now.AddDays(-4), new DateTimeOffset(2026, 3, 9, 15, 59, 0, TimeSpan.Zero)).With(r => { r.IsOverdue = true; r.Level = EscalationLevel.Manager; }),
            // Raised to the supervisors, not overdue: warning.
            Item(e, RequestKind.Complaint, Now.AddHours(-50), Now.AddHours(22)).With(r => { r.Level = EscalationLevel.Supervisor; }),
            Item(e, RequestKind.Complaint, Now.AddHours(-50), Now.AddHours(22)).With(r => { r.Level = EscalationLevel.Manager; }),
            // Closed items count nowhere.
            Item(e, RequestKind.Inquiry, Now.AddHours(-1), Now.AddMinutes(10)).With(r => { r.Status = RequestStatus.Closed; r.Level = EscalationLevel.Supervisor; }),
        ]);

        var counters = (await queries.GetPageAsync(new QueueFilter { EstateId = estateId })).Counters;

        Assert.Equal(new QueueCounters(Open: 7, DueToday: 2, Warning: 2, Overdue: 2), counters);
        Assert.Equal(counters, await queries.GetCountersAsync(new QueueFilter { EstateId = estateId }));
    }

    [Fact]
    public async Task GetPage_ManyItems_PagedByFiftyOnTheServer()
    {
        var (queries, estateId, _) = await ArrangeAsync((e, _) =>
            Enumerable.Range(0, 120).Select(i => Item(e, RequestKind.Complaint, Now, Now.AddMinutes(i + 1), $"item {i:000}")));

        var first = await queries.GetPageAsync(new QueueFilter { EstateId = estateId });
        var last = await queries.GetPageAsync(new QueueFilter { EstateId = estateId }, pageIndex: 2);
        var beyond = await queries.GetPageAsync(new QueueFilter { EstateId = estateId }, pageIndex: 9);

        Assert.Equal(50, first.Rows.Count);
        Assert.Equal("item 000", first.Rows[0].Excerpt);
        Assert.Equal((3, 120), (first.PageCount, first.Total));
        Assert.Equal(20, last.Rows.Count);
        Assert.Equal("item 119", last.Rows[^1].Excerpt);
        Assert.Equal(2, beyond.PageIndex);
    }

    [Fact]
    public async Task GetPage_LongContent_CutToAnExcerpt()
    {
        var (queries, estateId, _) = await ArrangeAsync((e, _) => [Item(e, RequestKind.Complaint, Now, Now.AddHours(72), new string('x', 3000))]);

        var row = Assert.Single((await queries.GetPageAsync(new QueueFilter { EstateId = estateId })).Rows);

        Assert.Equal(QueueQueries.ExcerptLength + 1, row.Excerpt.Length);
        Assert.EndsWith("…", row.Excerpt);
    }
}
