using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using PropertyHub.Features.Reception.Queue;

namespace PropertyHub.Tests.Features.Reception;

/// <summary>
/// The countdown's first value and colour band as the server renders them. A complaint received at T is due at
/// T+72h, warned at T+48h (24 h left) and critical from T+68h (4 h left).
/// </summary>
public sealed class CountdownTests : IDisposable
{
    private static readonly DateTimeOffset Received = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = Received.AddHours(72);
    private static readonly DateTimeOffset Warn = Due.AddHours(-24);
    private readonly FakeTimeProvider clock = new(Received);
    private readonly BunitContext ctx = new();

    public CountdownTests()
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton<TimeProvider>(clock);
    }

    public void Dispose() => ctx.Dispose();

    private (string Text, string Band) RenderAt(DateTimeOffset now, DateTimeOffset? due = null, int criticalHours = 4)
    {
        clock.SetUtcNow(now);
        var cut = ctx.Render<Countdown>(p => p
            .Add(c => c.DueAt, due ?? Due)
            .Add(c => c.WarnAt, Warn)
            .Add(c => c.CriticalHours, criticalHours));
        var span = cut.Find("[data-testid=countdown]");
        Assert.Contains("countdown-" + span.GetAttribute("data-band"), span.ClassList);
        return (span.TextContent, span.GetAttribute("data-band")!);
    }

    [Fact]
    public void Countdown_AtReceipt_ShowsSeventyTwoHoursInNormalBand()
    {
        Assert.Equal(("72:00:00", "normal"), RenderAt(Received));
    }

    [Fact]
    public void Countdown_OneSecondIn_CountsDown()
    {
        Assert.Equal(("71:59:59", "normal"), RenderAt(Received.AddSeconds(1)));
    }

    [Fact]
    public void Countdown_LongerThanSeventyTwoHours_ShowsDays()
    {
        Assert.Equal(("4d 02:03:04", "normal"), RenderAt(Received, Received.AddDays(4).AddHours(2).AddMinutes(3).AddSeconds(4)));
    }

    [Fact]
    public void Countdown_OneSecondBeforeWarning_IsNormal()
    {
        Assert.Equal(("24:00:01", "normal"), RenderAt(Warn.AddSeconds(-1)));
    }

    [Fact]
    public void Countdown_AtWarningTime_IsWarning()
    {
        Assert.Equal(("24:00:00", "warning"), RenderAt(Warn));
    }

    [Fact]
    public void Countdown_OneSecondBeforeCritical_IsStillWarning()
    {
        Assert.Equal(("04:00:01", "warning"), RenderAt(Due.AddHours(-4).AddSeconds(-1)));
    }

    [Fact]
    public void Countdown_AtCriticalHoursLeft_IsCritical()
    {
        Assert.Equal(("04:00:00", "critical"), RenderAt(Due.AddHours(-4)));
    }

    [Fact]
    public void Countdown_CriticalHoursFromSettings_MovesTheBoundary()
    {
        Assert.Equal(("04:00:00", "warning"), RenderAt(Due.AddHours(-4), criticalHours: 2));
    }

    [Fact]
    public void Countdown_AtTheDeadline_IsCriticalAtZero()
    {
        Assert.Equal(("00:00:00", "critical"), RenderAt(Due));
    }

    [Fact]
    public void Countdown_AfterTheDeadline_IsOverdueBy()
    {
        Assert.Equal(("overdue by 00:12:30", "overdue"), RenderAt(Due.AddMinutes(12).AddSeconds(30)));
    }

    [Fact]
    public void Countdown_GivesTheBrowserDeadlineBoundariesAndServerClock()
    {
        var now = Received.AddMinutes(5);
        clock.SetUtcNow(now);
        var span = ctx.Render<Countdown>(p => p.Add(c => c.DueAt, Due).Add(c => c.WarnAt, Warn)).Find("[data-testid=countdown]");
        Assert.Equal(Due.ToUnixTimeMilliseconds().ToString(), span.GetAttribute("data-due"));
        Assert.Equal(Warn.ToUnixTimeMilliseconds().ToString(), span.GetAttribute("data-warn"));
        Assert.Equal(Due.AddHours(-4).ToUnixTimeMilliseconds().ToString(), span.GetAttribute("data-critical"));
        Assert.Equal(now.ToUnixTimeMilliseconds().ToString(), span.GetAttribute("data-now"));
    }

    [Fact]
    public void Countdown_SameDeadlineAgain_DoesNotRenderAgain()
    {
        clock.SetUtcNow(Received);
        var cut = ctx.Render<Countdown>(p => p.Add(c => c.DueAt, Due).Add(c => c.WarnAt, Warn));
        clock.Advance(TimeSpan.FromMinutes(10));
        cut.Render(p => p.Add(c => c.DueAt, Due).Add(c => c.WarnAt, Warn));
        Assert.Equal(1, cut.RenderCount);
        Assert.Equal("72:00:00", cut.Find("[data-testid=countdown]").TextContent);

        cut.Render(p => p.Add(c => c.DueAt, Due.AddMinutes(-30)).Add(c => c.WarnAt, Warn));
        Assert.Equal(2, cut.RenderCount);
        Assert.Equal("71:20:00", cut.Find("[data-testid=countdown]").TextContent);
    }

    [Fact]
    public void Countdown_NoDeadline_ShowsNoneBand()
    {
        var cut = ctx.Render<Countdown>(p => p.Add(c => c.DueAt, null));
        Assert.Equal("none", cut.Find("[data-testid=countdown]").GetAttribute("data-band"));
    }
}
