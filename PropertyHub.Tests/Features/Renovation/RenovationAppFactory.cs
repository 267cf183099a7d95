using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace PropertyHub.Tests.Features.Renovation;

/// <summary>A clock a test sets to any moment, earlier ones too: tests sharing one app each start from their own time.</summary>
public sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => now;

    public void Set(DateTimeOffset at) => now = at.ToUniversalTime();

    /// <summary>Sets the clock to a wall-clock time at the estate (UTC+8).</summary>
    public void At(int year, int month, int day, int hour, int minute = 0) => Set(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)));
}

/// <summary>One app for a renovation test class, with a clock each test sets; its renovations are its own, so tests count what they made.</summary>
public sealed class RenovationAppFactory : AppFactory
{
    /// <summary>10:00 on 7 December 2026 at the estate (UTC+8).</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    public SettableClock Clock { get; } = new(Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}
