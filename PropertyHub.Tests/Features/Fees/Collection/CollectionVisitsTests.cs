using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Collection;

namespace PropertyHub.Tests.Features.Fees.Collection;

/// <summary>Visits on one unit billed 300.00 (September), 300.00 (October) and 280.50 (November), each with its task.</summary>
public sealed class CollectionVisitsTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();
    private int unitId;
    private Dictionary<DateOnly, CollectionTask> tasks = [];

    public async Task InitializeAsync()
    {
        (unitId, _) = await PaymentServiceTests.SeedRequestsAsync(factory);
        await factory.CreateTasksAsync();
        tasks = await TasksAsync();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private static readonly DateOnly September = new(2026, 9, 1);

    private async Task<Dictionary<DateOnly, CollectionTask>> TasksAsync()
    {
        await using var db = await factory.DbAsync();
        return await db.CollectionTasks.AsNoTracking().Include(t => t.Visits)
            .Join(db.PaymentRequests, t => t.PaymentRequestId, r => r.Id, (t, r) => new { t, r.Month })
            .ToDictionaryAsync(x => x.Month, x => x.t);
    }

    private async Task<CollectionResult> RecordAsync(DateOnly month, VisitOutcome outcome, string role = Roles.Clerk, string? amount = null,
        DateOnly? promised = null, string? note = null, int? version = null, PaymentMethod method = PaymentMethod.Cash, string? reference = null)
    {
        CollectionResult result = null!;
        var task = tasks[month];
        await factory.AsAsync(role, async sp => result = await sp.GetRequiredService<CollectionVisits>().RecordAsync(new VisitInput
        {
            TaskId = task.Id, Version = version ?? task.Version, Outcome = outcome, Amount = amount, Method = method, Reference = reference,
            PromisedDate = promised, Note = note,
        }));
        return result;
    }

    private async Task<DateOnly> TodayAsync()
    {
        var today = default(DateOnly);
        await factory.WithScopeAsync(sp => { today = sp.GetRequiredService<CollectionVisits>().Today(tasks.Values.First().EstateId); return Task.CompletedTask; });
        return today;
    }

    private async Task AssertNothingWrittenAsync()
    {
        await using var db = await factory.DbAsync();
        Assert.False(await db.CollectionVisits.AnyAsync());
        Assert.False(await db.Payments.AnyAsync());
        Assert.All(await TasksAsync(), t => Assert.Equal((CollectionStatus.Open, tasks[t.Key].Version), (t.Value.Status, t.Value.Version)));
    }

    [Fact]
    public async Task PaidOnSpot_EverythingOwed_PaymentWithReceiptAndEveryTaskPaid()
    {
        var result = await RecordAsync(CollectionTesting.November, VisitOutcome.PaidOnSpot, amount: "880.50");

        Assert.True(result.Ok);
        Assert.True(result.TaskPaid);
        Assert.Matches(@"^R2026-\d{6}$", result.ReceiptNumber);
        await using var db = await factory.DbAsync();
        var payment = await db.Payments.SingleAsync();
        Assert.Equal((result.PaymentId, result.ReceiptNumber, 880.50m, unitId), (payment.Id, payment.ReceiptNumber, payment.Amount, payment.UnitId));
        var after = await TasksAsync();
        Assert.All(after.Values, t => Assert.Equal(CollectionStatus.Paid, t.Status));
        var visit = Assert.Single(after[CollectionTesting.November].Visits);
        Assert.Equal((VisitOutcome.PaidOnSpot, (int?)payment.Id), (visit.Outcome, visit.PaymentId));
    }

    [Fact]
    public async Task PaidOnSpot_Partly_OldestRequestPaidVisitedTaskStaysOpen()
    {
        var result = await RecordAsync(CollectionTesting.November, VisitOutcome.PaidOnSpot, amount: "400", method: PaymentMethod.WeChatPay, reference: "4200001234");

        Assert.True(result.Ok);
        Assert.False(result.TaskPaid);
        var after = await TasksAsync();
        // Payments go to the oldest request first: September is paid, October in part, November not at all.
        Assert.Equal(CollectionStatus.Paid, after[September].Status);
        Assert.Equal(CollectionStatus.Open, after[CollectionTesting.October].Status);
        Assert.Equal(CollectionStatus.Open, after[CollectionTesting.November].Status);
        Assert.Equal(result.PaymentId, Assert.Single(after[CollectionTesting.November].Visits).PaymentId);
        await using var db = await factory.DbAsync();
        Assert.Equal("4200001234", (await db.Payments.SingleAsync()).Reference);
    }

    [Theory]
    [InlineData("abc", PaymentMethod.Cash, null, "Amount", "AmountNotNumber")]
    [InlineData("0", PaymentMethod.Cash, null, "Amount", "AmountMustBePositive")]
    [InlineData("100", PaymentMethod.BankTransfer, null, "Reference", "ReferenceRequired")]
    public async Task PaidOnSpot_BadPayment_RefusedNothingWritten(string amount, PaymentMethod method, string? reference, string field, string error)
    {
        var result = await RecordAsync(CollectionTesting.November, VisitOutcome.PaidOnSpot, amount: amount, method: method, reference: reference);

        Assert.Equal(error, result.Errors[field]);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Promised_FutureDate_TaskPromisedWithTheDate()
    {
        var date = (await TodayAsync()).AddDays(5);

        var result = await RecordAsync(CollectionTesting.November, VisitOutcome.Promised, promised: date, note: "月底发工资后交");

        Assert.True(result.Ok);
        var task = (await TasksAsync())[CollectionTesting.November];
        Assert.Equal((CollectionStatus.Promised, (DateOnly?)date), (task.Status, task.PromisedDate));
        var visit = Assert.Single(task.Visits);
        Assert.Equal((VisitOutcome.Promised, (DateOnly?)date, "月底发工资后交", (int?)null), (visit.Outcome, visit.PromisedDate, visit.Note, visit.PaymentId));
    }

    [Fact]
    public async Task Promised_NoDateOrPastDate_RefusedNothingWritten()
    {
        var none = await RecordAsync(CollectionTesting.November, VisitOutcome.Promised);
        var past = await RecordAsync(CollectionTesting.November, VisitOutcome.Promised, promised: (await TodayAsync()).AddDays(-1));

        Assert.Equal("PromisedDateRequired", none.Errors["PromisedDate"]);
        Assert.Equal("PromisedDatePast", past.Errors["PromisedDate"]);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Refused_WithoutNote_RefusedNothingWritten_WithNote_TaskRefused()
    {
        var blank = await RecordAsync(CollectionTesting.November, VisitOutcome.Refused, note: "   ");
        Assert.Equal("NoteRequired", blank.Errors["Note"]);
        await AssertNothingWrittenAsync();

        var refused = await RecordAsync(CollectionTesting.November, VisitOutcome.Refused, note: "对电梯维修不满，拒绝缴费");

        Assert.True(refused.Ok);
        var task = (await TasksAsync())[CollectionTesting.November];
        Assert.Equal(CollectionStatus.Refused, task.Status);
        Assert.Equal("对电梯维修不满，拒绝缴费", Assert.Single(task.Visits).Note);
    }

    [Fact]
    public async Task NotAtHome_VisitRecordedTaskStillOpen_StaleVersionRefused()
    {
        var result = await RecordAsync(CollectionTesting.November, VisitOutcome.NotAtHome);
        var stale = await RecordAsync(CollectionTesting.November, VisitOutcome.NotAtHome);

        Assert.True(result.Ok);
        Assert.True(stale.Conflict);
        var task = (await TasksAsync())[CollectionTesting.November];
        Assert.Equal(CollectionStatus.Open, task.Status);
        Assert.Equal(VisitOutcome.NotAtHome, Assert.Single(task.Visits).Outcome);
    }

    [Fact]
    public async Task Engineer_RecordsVisitsButCannotAssignOrTakeMoney()
    {
        var visit = await RecordAsync(CollectionTesting.November, VisitOutcome.NotAtHome, role: Roles.Engineer);
        var money = await RecordAsync(CollectionTesting.October, VisitOutcome.PaidOnSpot, role: Roles.Engineer, amount: "300");
        var assign = await AssignAsync(Roles.Engineer, Roles.Engineer);
        var supervisor = await RecordAsync(CollectionTesting.October, VisitOutcome.NotAtHome, role: Roles.Supervisor);

        Assert.True(visit.Ok);
        Assert.Equal("NotAllowed", money.Errors[""]);
        Assert.Equal("NotAllowed", assign.Errors[""]);
        Assert.Equal("NotAllowed", supervisor.Errors[""]);
        await using var db = await factory.DbAsync();
        Assert.Equal(1, await db.CollectionVisits.CountAsync());
        Assert.False(await db.Payments.AnyAsync());
        Assert.All(await db.CollectionTasks.ToListAsync(), t => Assert.Null(t.AssignedToId));
    }

    [Fact]
    public async Task Visit_OnATaskAssignedToSomeoneElse_OnlyFinanceOrTheManagerRecordIt()
    {
        Assert.Equal(3, (await AssignAsync(Roles.Finance, Roles.Engineer)).Count);
        tasks = await TasksAsync();

        var clerk = await RecordAsync(CollectionTesting.November, VisitOutcome.NotAtHome, role: Roles.Clerk);
        Assert.Equal("NotYourTask", clerk.Errors[""]);
        await using (var db = await factory.DbAsync())
            Assert.False(await db.CollectionVisits.AnyAsync());

        var engineer = await RecordAsync(CollectionTesting.November, VisitOutcome.NotAtHome, role: Roles.Engineer);
        tasks = await TasksAsync();
        var finance = await RecordAsync(CollectionTesting.November, VisitOutcome.NotAtHome, role: Roles.Finance);
        tasks = await TasksAsync();
        var manager = await RecordAsync(CollectionTesting.November, VisitOutcome.NotAtHome, role: Roles.Manager);

        Assert.True(engineer.Ok);
        Assert.True(finance.Ok);
        Assert.True(manager.Ok);
        await using var after = await factory.DbAsync();
        Assert.Equal(3, await after.CollectionVisits.CountAsync());
    }

    [Fact]
    public async Task Assign_ByFinanceToAnEngineer_InTheirListAndStaleVersionRefused()
    {
        var assigned = await AssignAsync(Roles.Finance, Roles.Engineer);
        var stale = await AssignAsync(Roles.Manager, Roles.Clerk);
        var notCollector = await AssignAsync(Roles.Finance, Roles.Supervisor);

        Assert.Equal(3, assigned.Count);
        Assert.True(stale.Conflict);
        Assert.Equal("CollectorRequired", notCollector.Errors["Collector"]);
        IReadOnlyList<CollectionRow> mine = [];
        await factory.AsAsync(Roles.Engineer, async sp => mine = (await sp.GetRequiredService<CollectionService>().MineAsync(new PageRequest(0, 25))).Rows);
        Assert.Equal(3, mine.Count);
        Assert.Equal([September, CollectionTesting.October, CollectionTesting.November], mine.Select(r => r.Month));
        Assert.Equal([300m, 300m, 280.50m], mine.Select(r => r.Outstanding));
        IReadOnlyList<CollectionRow> clerks = [];
        await factory.AsAsync(Roles.Clerk, async sp => clerks = (await sp.GetRequiredService<CollectionService>().MineAsync(new PageRequest(0, 25))).Rows);
        Assert.Empty(clerks);
    }

    [Fact]
    public async Task Buildings_GroupedWithCountsAndOutstanding()
    {
        await RecordAsync(CollectionTesting.November, VisitOutcome.Refused, note: "不交");
        IReadOnlyList<BuildingCollection> all = [];
        IReadOnlyList<BuildingCollection> open = [];
        var openTasks = 0;
        await factory.AsAsync(Roles.Finance, async sp =>
        {
            var service = sp.GetRequiredService<CollectionService>();
            all = await service.BuildingsAsync(new CollectionFilter());
            open = await service.BuildingsAsync(new CollectionFilter(CollectionStatus.Open, UnassignedOnly: true));
            openTasks = (await service.PageAsync(new CollectionFilter(CollectionStatus.Open, UnassignedOnly: true), new PageRequest(0, 25))).Total;
        });

        var building = Assert.Single(all);
        Assert.Equal((2, 0, 0, 1, 3, 880.50m), (building.Open, building.Promised, building.Paid, building.Refused, building.Unassigned, building.Outstanding));
        Assert.Equal(2, Assert.Single(open).Open);
        Assert.Equal(2, openTasks);
    }

    /// <summary>Assigns all three tasks, with the versions seen at the start, to the demo user of a role.</summary>
    private async Task<CollectionResult> AssignAsync(string asRole, string toRole)
    {
        CollectionResult result = null!;
        await factory.AsAsync(asRole, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var to = await users.FindByEmailAsync(SignIn.DemoEmail(toRole));
            result = await sp.GetRequiredService<CollectionService>()
                .AssignAsync(tasks.Values.Select(t => new TaskVersion(t.Id, t.Version)).ToList(), to!.Id);
        });
        return result;
    }
}
