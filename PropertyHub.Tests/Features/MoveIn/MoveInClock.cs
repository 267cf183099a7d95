namespace PropertyHub.Tests.Features.MoveIn;

/// <summary>One app per test class whose clock starts on Thursday 10 December 2026, 10:00 in Shanghai.</summary>
public sealed class MoveInClock : IAsyncLifetime
{
    public ClockedAppFactory Factory { get; } = new(new DateTimeOffset(2026, 12, 10, 10, 0, 0, TimeSpan.FromHours(8)));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
