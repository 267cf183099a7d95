using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PropertyHub.Data;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Tests.Features.ScheduledDuties;

/// <summary>
/// The app with a <see cref="CountingDuty"/> beside the real duties and its clock stopped at
/// Thursday 15 October 2026, 09:30 in Shanghai (01:30 UTC). One per test: duties and runs are not shared.
/// </summary>
public abstract class DutiesAppTest : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 10, 15, 1, 30, 0, TimeSpan.Zero);
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    protected CountingDuty Duty { get; } = new();
    protected FakeTimeProvider Clock { get; } = new(Now);
    private AppFactory factory = null!;
    protected WebApplicationFactory<Program> App { get; private set; } = null!;

    public Task InitializeAsync()
    {
        factory = new AppFactory { SeedDemo = false };
        App = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<IScheduledDuty>(Duty);
            s.AddSingleton<TimeProvider>(Clock);
        }));
        _ = App.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await factory.DisposeAsync();
    }

    protected async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    protected Task<List<ScheduledRun>> RunsAsync() => InScope(async sp =>
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.ScheduledRuns.Where(r => r.Duty == Duty.Name).ToListAsync();
    });

    protected Task SeedRunsAsync(params ScheduledRun[] runs) => InScope(async sp =>
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        db.ScheduledRuns.AddRange(runs);
        return await db.SaveChangesAsync();
    });
}
