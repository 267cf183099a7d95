using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Repairs;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Tests.Features.Reception;
using static PropertyHub.Tests.Features.Repairs.RepairsTesting;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>
/// The evening-before reminder after the app was down for a week: the start-up catch-up (run by two instances at once)
/// reminds each visit still to come exactly once, and none whose time has passed. Its own app: the test moves the clock.
/// </summary>
public sealed class AppointmentReminderDowntimeTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    private static readonly DateOnly LastRun = new(2026, 10, 15);

    [Fact]
    public async Task DownAWeek_CatchUpTwiceAtOnce_RemindsFutureVisitsOnceAndPastOnesNever()
    {
        var engineer = await app.DemoEngineerIdAsync();
        var past = await BookAsync(engineer, LastRun.AddDays(3), 9, 11);
        var laterToday = await BookAsync(engineer, LastRun.AddDays(7), 14, 16);
        var tomorrow = await BookAsync(engineer, LastRun.AddDays(8), 9, 11);
        await using (var db = await app.CreateDbContextAsync())
        {
            // The duty last ran on the evening of the 15th; then the app went down.
            db.ScheduledRuns.Add(new ScheduledRun
            {
                Duty = AppointmentReminderDuty.DutyName, Period = LastRun.ToString(AppointmentReminderDuty.PeriodFormat),
                Status = RunStatus.Succeeded, StartedAt = app.Clock.GetUtcNow(), Attempts = 1,
            });
            await db.SaveChangesAsync();
        }

        // Back up at noon on the 22nd: the evenings of the 16th to the 21st were missed.
        app.Clock.SetUtcNow(At(LastRun.AddDays(7), 12));
        await Task.WhenAll(Task.Run(CatchUpAsync), Task.Run(CatchUpAsync));

        Assert.Equal(0, await RemindersAsync(past));
        var channels = await RemindersAsync(laterToday);
        Assert.True(channels > 0);
        Assert.Equal(0, await RemindersAsync(tomorrow));
        await AssertOncePerChannelAsync(laterToday);

        // That evening the duty's own run reminds tomorrow's visit; starting again after it changes nothing.
        app.Clock.SetUtcNow(At(LastRun.AddDays(7), 20));
        await Task.WhenAll(Task.Run(CatchUpAsync), Task.Run(CatchUpAsync));
        await CatchUpAsync();

        Assert.Equal(0, await RemindersAsync(past));
        Assert.Equal(channels, await RemindersAsync(laterToday));
        Assert.Equal(channels, await RemindersAsync(tomorrow));
        await AssertOncePerChannelAsync(tomorrow);
    }

    private async Task<int> BookAsync(string engineer, DateOnly day, int from, int to)
    {
        var order = await app.NewOrderAsync();
        Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(day, engineer, from, to))));
        return (await app.LoadOrderAsync(order.Id)).Appointments.Single().Id;
    }

    private Task<CatchUpResult> CatchUpAsync() => app.InScope(sp => sp.GetRequiredService<DutyCatchUp>().CatchUpAsync(CancellationToken.None));

    private async Task<int> RemindersAsync(int appointmentId)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Notices.CountAsync(n => n.Kind == AppointmentNotices.ReminderKind && n.SourceKey == AppointmentNotices.ReminderSource(appointmentId));
    }

    private async Task AssertOncePerChannelAsync(int appointmentId)
    {
        await using var db = await app.CreateDbContextAsync();
        var perChannel = await db.Notices.Where(n => n.SourceKey == AppointmentNotices.ReminderSource(appointmentId))
            .GroupBy(n => n.Channel).Select(g => g.Count()).ToListAsync();
        Assert.All(perChannel, count => Assert.Equal(1, count));
    }
}
