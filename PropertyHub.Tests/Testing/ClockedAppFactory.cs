using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace PropertyHub.Tests;

/// <summary>The app with a clock the test moves: payments, permits and passes are judged at the clock's time.</summary>
public sealed class ClockedAppFactory(DateTimeOffset start) : AppFactory
{
    public FakeTimeProvider Clock { get; } = new(start.ToUniversalTime());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Sets the clock to a moment in Shanghai time (held in UTC, as PostgreSQL wants it).</summary>
    public void At(int year, int month, int day, int hour, int minute = 0) =>
        Clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime());

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}

