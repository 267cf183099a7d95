using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;

namespace PropertyHub.Tests.Data;

public sealed class WritePriorityTests
{
    [Fact]
    public async Task Yield_WhileAPersonsSaveIsUnderWay_WaitsUntilItIsThrough()
    {
        var writes = new WritePriority();
        var save = writes.Enter();

        var duty = writes.YieldAsync(CancellationToken.None);
        await Task.Delay(50);
        Assert.False(duty.IsCompleted);

        save.Dispose();
        save.Dispose();
        await duty.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, writes.Waiting);
    }

    [Fact]
    public async Task Yield_NobodyWaiting_GoesOnAtOnce()
    {
        var writes = new WritePriority();

        await writes.YieldAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(0, writes.Waiting);
    }
}

/// <summary>On SQLite a person's save waits for the duty's transaction under way on a signal, and goes at its commit.</summary>
public sealed class WritePriorityGateTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task PersonsSave_WhileADutysTransactionIsHeld_BeginsWhenItIsReleased()
    {
        _ = factory.Services;
        var writes = factory.Services.GetRequiredService<WritePriority>();
        var duty = writes.Hold();

        var save = Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            db.Estates.Add(new PropertyHub.Features.Registry.Estate { Name = "Gate estate", OfficeName = "Gate office" });
            await db.SaveChangesAsync();
        });
        // The save reaches its transaction's start and waits there, counted as a person waiting.
        for (var tries = 0; writes.Waiting == 0 && !save.IsCompleted && tries < 600; tries++)
            await Task.Delay(50);
        await Task.Delay(300);
        Assert.False(save.IsCompleted);
        Assert.True(writes.Waiting >= 1);

        duty.Dispose();
        await save.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(writes.Released.IsCompleted);
        await using var check = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await check.Estates.CountAsync(e => e.Name == "Gate estate"));
    }
}
