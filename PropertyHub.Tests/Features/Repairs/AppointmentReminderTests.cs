using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Repairs;
using PropertyHub.Tests.Features.Reception;
using static PropertyHub.Tests.Features.Repairs.RepairsTesting;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>The occupant's confirmation when a visit is agreed or moved, and the evening-before reminder exactly once.</summary>
public sealed class AppointmentReminderTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    [Fact]
    public async Task Schedule_AndMove_OccupantConfirmedThroughTheOutboxEachTime()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));
        Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer, 14, 16))));

        await using var db = await app.CreateDbContextAsync();
        var sources = await db.Notices.Where(n => n.Kind == AppointmentNotices.ConfirmationKind && n.SourceKey.StartsWith($"work-order:{order.Id}:"))
            .Select(n => new { n.SourceKey, n.Body }).ToListAsync();
        Assert.Equal([AppointmentNotices.ConfirmationSource(order.Id, 1), AppointmentNotices.ConfirmationSource(order.Id, 2)], sources.Select(s => s.SourceKey).Distinct().Order());
        Assert.All(sources, s => Assert.Contains("Replace the tap's washer", s.Body));
    }

    [Fact]
    public async Task Reminder_RunTwiceAndTwiceAtOnce_OneReminderPerAppointment()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        var day = app.FreshDay();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(day, engineer))));
        var appointmentId = (await app.LoadOrderAsync(order.Id)).Appointments.Single().Id;

        var first = await RemindAsync(day);
        var channels = await RemindersAsync(appointmentId);
        var again = await RemindAsync(day);
        var together = await Task.WhenAll(Task.Run(() => RemindAsync(day)), Task.Run(() => RemindAsync(day)));

        Assert.Equal(1, first);
        Assert.True(channels > 0);
        Assert.Equal(0, again);
        Assert.Equal([0, 0], together);
        Assert.Equal(channels, await RemindersAsync(appointmentId));
    }

    [Fact]
    public async Task Reminder_TwoRunsAtOnceFirstTime_StillOneReminder()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        var day = app.FreshDay();
        Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(day, engineer))));
        var appointmentId = (await app.LoadOrderAsync(order.Id)).Appointments.Single().Id;

        var together = await Task.WhenAll(Task.Run(() => RemindAsync(day)), Task.Run(() => RemindAsync(day)));

        Assert.Equal(1, together.Sum());
        await using var db = await app.CreateDbContextAsync();
        var perChannel = await db.Notices.Where(n => n.SourceKey == AppointmentNotices.ReminderSource(appointmentId))
            .GroupBy(n => n.Channel).Select(g => g.Count()).ToListAsync();
        Assert.All(perChannel, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Reminder_MovedAppointment_OnlyTheStandingOneAndOnlyItsDay()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        var firstDay = app.FreshDay();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(firstDay, engineer))));
        var secondDay = app.FreshDay();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(secondDay, engineer))));

        Assert.Equal(0, await RemindAsync(firstDay));
        Assert.Equal(0, await RemindAsync(secondDay.AddDays(1)));
        Assert.Equal(1, await RemindAsync(secondDay));
    }

    [Fact]
    public async Task Reminder_ByAStaffMember_Refused()
    {
        await Assert.ThrowsAsync<AccessRefusedException>(() =>
            app.InScopeAs(Roles.Clerk, sp => sp.GetRequiredService<AppointmentReminders>().RemindAsync(app.FreshDay())));
    }

    [Fact]
    public async Task Duty_RunOfTheEveningBefore_RemindsTheNextDaysVisit()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        var day = app.FreshDay();
        Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(day, engineer))));
        var duty = app.App.Services.GetServices<PropertyHub.Features.ScheduledDuties.IScheduledDuty>().OfType<AppointmentReminderDuty>().Single();
        var evening = day.AddDays(-1).ToDateTime(new TimeOnly(19, 0));

        Assert.Equal(0, await duty.RunAsync(duty.PeriodOf(evening.AddDays(-1)), CancellationToken.None));
        Assert.Equal(1, await duty.RunAsync(duty.PeriodOf(evening), CancellationToken.None));
    }

    private Task<int> RemindAsync(DateOnly day) => app.InScope(sp => sp.GetRequiredService<AppointmentReminders>().RemindAsync(day));

    private async Task<int> RemindersAsync(int appointmentId)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Notices.CountAsync(n => n.Kind == AppointmentNotices.ReminderKind && n.SourceKey == AppointmentNotices.ReminderSource(appointmentId));
    }
}
