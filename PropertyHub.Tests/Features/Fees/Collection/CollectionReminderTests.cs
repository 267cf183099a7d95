using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees.Collection;

namespace PropertyHub.Tests.Features.Fees.Collection;

public sealed class CollectionReminderTests : IAsyncLifetime
{
    // 23:30 on 24 November in Shanghai.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 15, 30, 0, TimeSpan.Zero));
    private readonly AppFactory factory = new();
    private WebApplicationFactory<Program> app = null!;
    private int taskId;
    private int requestId;

    public async Task InitializeAsync()
    {
        app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        await PaymentServiceTests.SeedRequestsAsync(factory);
        await app.CreateTasksAsync();
        await using var db = await app.DbAsync();
        (taskId, requestId) = await db.CollectionTasks.OrderByDescending(t => t.PaymentRequestId).Select(t => new ValueTuple<int, int>(t.Id, t.PaymentRequestId)).FirstAsync();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await factory.DisposeAsync();
    }

    private async Task<ReminderOutcome> RemindAsync(string role = Roles.Clerk)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, role);
        return await scope.ServiceProvider.GetRequiredService<CollectionVisits>().SendReminderAsync(taskId);
    }

    [Fact]
    public async Task Reminder_OncePerRequestPerEstateDay()
    {
        var first = await RemindAsync();
        var again = await RemindAsync(Roles.Engineer);
        clock.Advance(TimeSpan.FromMinutes(45)); // 00:15 on the 25th in Shanghai: a new day
        var nextDay = await RemindAsync();
        var supervisor = await RemindAsync(Roles.Supervisor);

        Assert.Equal((ReminderOutcome.Queued, ReminderOutcome.AlreadySentToday, ReminderOutcome.Queued, ReminderOutcome.NotAllowed),
            (first, again, nextDay, supervisor));
        await using var db = await app.DbAsync();
        var sources = await db.Notices.Where(n => n.Kind == CollectionVisits.ReminderKind).Select(n => n.SourceKey).Distinct().ToListAsync();
        Assert.Equal([$"reminder:{requestId}:2026-11-24", $"reminder:{requestId}:2026-11-25"], sources.Order());
    }
}
