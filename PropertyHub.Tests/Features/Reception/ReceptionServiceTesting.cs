using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Escalation;

namespace PropertyHub.Tests.Features.Reception;

/// <summary>
/// The app on the demo data with a fake clock, shared by the tests of one class (they run one after another):
/// each test logs its own items and moves the clock forward from wherever it is.
/// </summary>
public sealed class ReceptionApp : IAsyncLifetime
{
    // 10:00 in Shanghai: the service line is open.
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 15, 2, 0, 0, TimeSpan.Zero));
    public ConcurrentQueue<WorkQueueEvent> Events { get; } = new();
    public AppFactory Factory { get; } = new();
    public WebApplicationFactory<Program> App { get; private set; } = null!;
    public int EstateId { get; private set; }
    public int UnitId { get; private set; }
    public string UnitLabel { get; private set; } = "";
    private IDisposable? subscription;

    public async Task InitializeAsync()
    {
        App = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));
        _ = App.Services; // start the host once, before any test runs scopes in parallel
        subscription = App.Services.GetRequiredService<IWorkQueueEvents>().Subscribe(e =>
        {
            Events.Enqueue(e);
            return Task.CompletedTask;
        });
        await using var db = await CreateDbContextAsync();
        var unit = await db.Units.Include(u => u.Building).OrderBy(u => u.Id).FirstAsync();
        EstateId = unit.Building!.EstateId;
        UnitId = unit.Id;
        UnitLabel = $"{unit.Building.Code}-{unit.Number}";
    }

    public async Task DisposeAsync()
    {
        subscription?.Dispose();
        await App.DisposeAsync();
        await Factory.DisposeAsync();
    }

    public async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task<AppDbContext> CreateDbContextAsync()
    {
        var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
    }

    /// <summary>Service code as the demo user of a role, as a circuit would run it.</summary>
    public async Task<T> InScopeAs<T>(string role, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, role);
        return await action(scope.ServiceProvider);
    }

    /// <summary>A clerk logs the contact.</summary>
    public Task<ReceptionResult> LogAsync(Intake intake) => InScopeAs(Roles.Clerk, sp => sp.GetRequiredService<ReceptionService>().LogAsync(intake));

    /// <summary>A supervisor works the queue.</summary>
    public Task<ReceptionResult> ChangeAsync(Func<ReceptionService, Task<ReceptionResult>> action) =>
        InScopeAs(Roles.Supervisor, sp => action(sp.GetRequiredService<ReceptionService>()));

    public Task<SweepResult> SweepAsync() => InScope(sp => sp.GetRequiredService<EscalationSweep>().SweepAsync());

    public async Task<ServiceRequest> LoadAsync(int id)
    {
        await using var db = await CreateDbContextAsync();
        return await db.ServiceRequests.AsNoTracking().Include(r => r.Timeline).SingleAsync(r => r.Id == id);
    }

    public async Task<int> CountRequestsAsync()
    {
        await using var db = await CreateDbContextAsync();
        return await db.ServiceRequests.CountAsync();
    }

    public List<WorkQueueEvent> EventsFor(int requestId, WorkQueueEventKind kind) =>
        Events.Where(e => e.RequestId == requestId && e.Kind == kind).ToList();

    /// <summary>A complaint on the complaint line about the first demo unit.</summary>
    public Intake Complaint(string content = "Water drips from the ceiling of the bathroom") => new()
    {
        EstateId = EstateId,
        Kind = RequestKind.Complaint,
        Channel = Channel.ComplaintLine,
        Outcome = IntakeOutcome.Logged,
        UnitId = UnitId,
        CallerName = "Ms Chen",
        Content = content,
    };

    public async Task<ServiceRequest> LogComplaintAsync(bool important = false)
    {
        var result = await LogAsync(Complaint() with { IsImportant = important });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Request!;
    }
}
