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
