using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Fees;

namespace PropertyHub.Tests.Features.Fees.Collection;

public sealed class CollectionTaskCreatorTests : IAsyncLifetime
{
    private readonly AppFactory factory = new() { Settings = { ["Collection:BatchSize"] = "15" } };
    // Monday 23 November 2026, 10:00 in Shanghai: November's requests fell due on the 20th.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    private WebApplicationFactory<Program> app = null!;
    private HashSet<int> unpaid = [];

    public async Task InitializeAsync()
    {
        app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        unpaid = await app.SeedManyAsync(units: 60);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await factory.DisposeAsync();
    }

    private async Task<List<CollectionTask>> TasksAsync()
    {
        await using var db = await app.DbAsync();
        return await db.CollectionTasks.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Create_UnpaidRequestsOfTheMonthAndBefore_OneOpenUnassignedTaskEach()
    {
        var created = await app.CreateTasksAsync();

        var tasks = await TasksAsync();
        Assert.True(unpaid.Count > 60);
        Assert.Equal(unpaid.Count, created);
        Assert.Equal(unpaid.Order(), tasks.Select(t => t.PaymentRequestId).Order());
        Assert.All(tasks, t => Assert.Equal((CollectionStatus.Open, (string?)null), (t.Status, t.AssignedToId)));
        await using var db = await app.DbAsync();
        var requests = await db.PaymentRequests.AsNoTracking().ToDictionaryAsync(r => r.Id);
        // Paid requests and next month's requests get none; the task carries the request's unit and building.
        Assert.All(tasks, t => Assert.True(requests[t.PaymentRequestId].Outstanding > 0 && requests[t.PaymentRequestId].Month <= CollectionTesting.November));
        Assert.All(tasks, t => Assert.Equal((requests[t.PaymentRequestId].UnitId, requests[t.PaymentRequestId].BuildingId), (t.UnitId, t.BuildingId)));
        Assert.Contains(tasks, t => requests[t.PaymentRequestId].Paid > 0);
    }

    [Fact]
    public async Task Create_Twice_SecondCreatesNothing()
    {
        var first = await app.CreateTasksAsync();
        var second = await app.CreateTasksAsync();

        Assert.Equal(unpaid.Count, first);
        Assert.Equal(0, second);
        Assert.Equal(unpaid.Count, (await TasksAsync()).Count);
    }

    [Fact]
    public async Task Create_ThreeAtOnce_EachRequestOnce()
    {
        var counts = await Task.WhenAll(app.CreateTasksAsync(), app.CreateTasksAsync(), app.CreateTasksAsync());

        var tasks = await TasksAsync();
        Assert.Equal(unpaid.Count, counts.Sum());
        Assert.Equal(unpaid.Count, tasks.Count);
        Assert.Equal(unpaid.Count, tasks.Select(t => t.PaymentRequestId).Distinct().Count());
    }

    [Fact]
    public async Task Create_CrashHalfWay_RunAgainCreatesTheRestOnce()
    {
        var crash = new CrashOnTaskBatch(failOnBatch: 3);
        await using var crashing = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<SqliteDbContext>(o => o.AddInterceptors(crash))));

        await Assert.ThrowsAsync<IOException>(() => crashing.CreateTasksAsync());
        // Two batches went in whole; the third left nothing behind.
        Assert.Equal(2, crash.Saved.Count);
        Assert.Equal(crash.Saved.Sum(), (await TasksAsync()).Count);

        crash.Armed = false;
        var rest = await crashing.CreateTasksAsync();

        var tasks = await TasksAsync();
        Assert.Equal(unpaid.Count - crash.Saved.Take(2).Sum(), rest);
        Assert.Equal(unpaid.Count, tasks.Count);
        Assert.Equal(unpaid.Order(), tasks.Select(t => t.PaymentRequestId).Order());
    }

    [Fact]
    public async Task Create_OctoberThenNovember_ArrearsKeepTheirTaskAndNewOnesAreAdded()
    {
        var october = await app.CreateTasksAsync(CollectionTesting.October);
        // An October request billed late, still unpaid, has no task yet: November's run catches it as arrears.
        int lateId;
        await using (var db = await app.DbAsync())
        {
            var unit = await db.Units.Include(u => u.Building).Include(u => u.Occupants)
                .Where(u => u.Occupants.Any() && !db.PaymentRequests.Any(r => r.UnitId == u.Id)).OrderBy(u => u.Id).FirstAsync();
            var late = CollectionTesting.Request(unit.Building!.EstateId, unit.BuildingId, unit.Id, unit.Occupants[0].Id, CollectionTesting.October, 150m);
            db.PaymentRequests.Add(late);
            await db.SaveChangesAsync();
            lateId = late.Id;
        }

        var november = await app.CreateTasksAsync(CollectionTesting.November);

        var tasks = await TasksAsync();
        await using var check = await app.DbAsync();
        var octoberUnpaid = (await check.PaymentRequests.Where(r => r.Month == CollectionTesting.October && r.Id != lateId).ToListAsync())
            .Count(r => r.Outstanding > 0);
        Assert.Equal(octoberUnpaid, october);
        Assert.Equal(unpaid.Count + 1, tasks.Count);
        Assert.Equal(unpaid.Count + 1 - october, november);
        Assert.Contains(tasks, t => t.PaymentRequestId == lateId);
    }

    [Fact]
    public async Task Create_RequestPaidBeforeTheRun_GetsNoTask()
    {
        await using (var db = await app.DbAsync())
        {
            await db.PaymentRequests.Where(r => unpaid.Contains(r.Id)).ExecuteUpdateAsync(r => r.SetProperty(x => x.Paid, x => x.Total));
        }

        var created = await app.CreateTasksAsync();

        Assert.Equal(0, created);
        Assert.Empty(await TasksAsync());
    }

    /// <summary>Fails the save of the n-th batch of new tasks, as a crash or lost database would; remembers the sizes saved.</summary>
    private sealed class CrashOnTaskBatch(int failOnBatch) : SaveChangesInterceptor
    {
        private int batches;

        public bool Armed { get; set; } = true;

        public List<int> Saved { get; } = [];

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var added = eventData.Context!.ChangeTracker.Entries<CollectionTask>().Count(e => e.State == EntityState.Added);
            if (Armed && added > 0)
            {
                if (Interlocked.Increment(ref batches) == failOnBatch)
                    throw new IOException("The database went away.");
                lock (Saved)
                    Saved.Add(added);
            }
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}

[Collection(PostgresCollection.Name)]
public sealed class CollectionTaskCreatorPostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Create_ThreeAtOnceOnPostgres_EachRequestOnce()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("collection_" + Guid.NewGuid().ToString("N")[..8]),
            Settings = { ["Collection:BatchSize"] = "10" },
        };
        var unpaid = await factory.SeedManyAsync(units: 30);

        var counts = await Task.WhenAll(factory.CreateTasksAsync(), factory.CreateTasksAsync(), factory.CreateTasksAsync());

        await using var db = await factory.DbAsync();
        Assert.Equal(unpaid.Count, counts.Sum());
        Assert.Equal(unpaid.Order(), (await db.CollectionTasks.Select(t => t.PaymentRequestId).ToListAsync()).Order());
    }
}
