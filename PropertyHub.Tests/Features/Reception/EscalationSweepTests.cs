using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PropertyHub.Data;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Escalation;

namespace PropertyHub.Tests.Features.Reception;

public sealed class EscalationSweepTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    private static List<TimelineEntry> Escalations(ServiceRequest request, EscalationLevel level) =>
        request.Timeline.Where(t => t.Kind == TimelineKind.Escalated && t.Level == level).ToList();

    private void MoveTo(DateTimeOffset at) => app.Clock.SetUtcNow(at);

    [Fact]
    public async Task Sweep_OneSecondBeforeWarning_DoesNothing()
    {
        var item = await app.LogComplaintAsync();

        MoveTo(item.WarnAt!.Value.AddSeconds(-1));
        await app.SweepAsync();

        var stored = await app.LoadAsync(item.Id);
        Assert.Equal(EscalationLevel.None, stored.Level);
        Assert.DoesNotContain(stored.Timeline, t => t.Kind == TimelineKind.Escalated);
        Assert.Empty(app.EventsFor(item.Id, WorkQueueEventKind.Escalated));
    }

    [Fact]
    public async Task Sweep_AtWarningTime_RaisesToSupervisorsOnce()
    {
        var item = await app.LogComplaintAsync();

        MoveTo(item.WarnAt!.Value);
        await app.SweepAsync();
        await app.SweepAsync();

        var stored = await app.LoadAsync(item.Id);
        Assert.Equal(EscalationLevel.Supervisor, stored.Level);
        Assert.False(stored.IsOverdue);
        var entry = Assert.Single(Escalations(stored, EscalationLevel.Supervisor));
        Assert.Equal(item.WarnAt, entry.At);
        Assert.Equal("system", entry.ActorName);
        Assert.Null(entry.ActorId);
        Assert.Empty(Escalations(stored, EscalationLevel.Manager));
        var e = Assert.Single(app.EventsFor(item.Id, WorkQueueEventKind.Escalated));
        Assert.Equal(EscalationLevel.Supervisor, e.Level);
        Assert.Equal(app.UnitLabel, e.Unit);
    }

    [Fact]
    public async Task Sweep_OneSecondBeforeDeadline_NotOverdue()
    {
        var item = await app.LogComplaintAsync();

        MoveTo(item.DueAt!.Value.AddSeconds(-1));
        await app.SweepAsync();

        var stored = await app.LoadAsync(item.Id);
        Assert.Equal(EscalationLevel.Supervisor, stored.Level);
        Assert.False(stored.IsOverdue);
    }

    [Fact]
    public async Task Sweep_AtDeadline_RaisesToManagerAndMarksOverdueOnce()
    {
        var item = await app.LogComplaintAsync();

        MoveTo(item.WarnAt!.Value);
        await app.SweepAsync();
        MoveTo(item.DueAt!.Value);
        await app.SweepAsync();
        await app.SweepAsync();

        var stored = await app.LoadAsync(item.Id);
        Assert.Equal(EscalationLevel.Manager, stored.Level);
        Assert.True(stored.IsOverdue);
        Assert.Equal(RequestStatus.Open, stored.Status);
        Assert.Single(Escalations(stored, EscalationLevel.Supervisor));
        Assert.Equal(item.DueAt, Assert.Single(Escalations(stored, EscalationLevel.Manager)).At);
        var events = app.EventsFor(item.Id, WorkQueueEventKind.Escalated);
        Assert.Equal([EscalationLevel.Supervisor, EscalationLevel.Manager], events.Select(e => e.Level));
    }

    [Fact]
    public async Task Sweep_LongAfterBothTimes_TakesBothStepsInOrder()
    {
        // The app was down through the warning and the deadline: the first sweep after does both, once.
        var item = await app.LogComplaintAsync();

        MoveTo(item.DueAt!.Value.AddHours(5));
        var result = await app.SweepAsync();
        await app.SweepAsync();

        Assert.True(result.Warned >= 1 && result.Overdue >= 1);
        var stored = await app.LoadAsync(item.Id);
        Assert.Equal(EscalationLevel.Manager, stored.Level);
        Assert.True(stored.IsOverdue);
        var escalations = stored.Timeline.Where(t => t.Kind == TimelineKind.Escalated).OrderBy(t => t.Id).Select(t => t.Level).ToList();
        Assert.Equal([EscalationLevel.Supervisor, EscalationLevel.Manager], escalations);
    }

    [Fact]
    public async Task Sweep_FourAtOnce_EachStepExactlyOnce()
    {
        var items = new List<ServiceRequest>();
        for (var i = 0; i < 12; i++)
            items.Add(await app.LogComplaintAsync());

        MoveTo(items[^1].WarnAt!.Value);
        var warnRuns = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(app.SweepAsync)));
        MoveTo(items[^1].DueAt!.Value);
        var dueRuns = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(app.SweepAsync)));

        foreach (var item in items)
        {
            var stored = await app.LoadAsync(item.Id);
            Assert.Single(Escalations(stored, EscalationLevel.Supervisor));
            Assert.Single(Escalations(stored, EscalationLevel.Manager));
            Assert.True(stored.IsOverdue);
            Assert.Equal(2, app.EventsFor(item.Id, WorkQueueEventKind.Escalated).Count);
        }
        // Between them the sweeps did each step of these items once; no sweep counted a step it lost.
        Assert.True(warnRuns.Sum(r => r.Warned) >= items.Count);
        Assert.True(dueRuns.Sum(r => r.Overdue) >= items.Count);
    }

    [Fact]
    public async Task Sweep_TwiceAndConcurrently_OneTimelineEntryPerStep()
    {
        var item = await app.LogComplaintAsync();

        MoveTo(item.WarnAt!.Value);
        await app.SweepAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(app.SweepAsync)));
        MoveTo(item.DueAt!.Value);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(app.SweepAsync)));
        await app.SweepAsync();

        var stored = await app.LoadAsync(item.Id);
        Assert.Equal(2, stored.Timeline.Count(t => t.Kind == TimelineKind.Escalated));
        Assert.Single(Escalations(stored, EscalationLevel.Supervisor));
        Assert.Single(Escalations(stored, EscalationLevel.Manager));
    }

    [Fact]
    public async Task Reply_AfterDeadline_IsLateAndItemStaysOverdue()
    {
        var item = await app.LogComplaintAsync();
        MoveTo(item.DueAt!.Value);
        await app.SweepAsync();
        var overdue = await app.LoadAsync(item.Id);

        MoveTo(item.DueAt!.Value.AddMinutes(10));
        var reply = await app.ChangeAsync(s => s.ReplyAsync(item.Id, overdue.Version, "The plumber fixed the pipe", Channel.ServiceLine));
        await app.SweepAsync();

        Assert.Equal(ReceptionOutcome.Done, reply.Outcome);
        var stored = await app.LoadAsync(item.Id);
        Assert.Equal(RequestStatus.Closed, stored.Status);
        Assert.True(stored.RepliedLate);
        Assert.True(stored.IsOverdue);
        Assert.True(Assert.Single(stored.Timeline, t => t.Kind == TimelineKind.Replied).Late);
    }

    [Fact]
    public async Task Sweep_ItemRepliedInTime_NeverEscalated()
    {
        var item = await app.LogComplaintAsync();
        MoveTo(item.WarnAt!.Value.AddSeconds(-1));
        var reply = await app.ChangeAsync(s => s.ReplyAsync(item.Id, item.Version, "Repaired this morning", Channel.Visit));

        MoveTo(item.DueAt!.Value.AddDays(1));
        await app.SweepAsync();

        Assert.Equal(ReceptionOutcome.Done, reply.Outcome);
        var stored = await app.LoadAsync(item.Id);
        Assert.Equal(EscalationLevel.None, stored.Level);
        Assert.False(stored.IsOverdue);
        Assert.False(stored.RepliedLate);
        Assert.DoesNotContain(stored.Timeline, t => t.Kind == TimelineKind.Escalated);
    }

    [Fact]
    public async Task Sweep_ImportantItem_AlreadyWithSupervisorsOnlyGoesToManager()
    {
        var item = await app.LogComplaintAsync(important: true);

        MoveTo(item.WarnAt!.Value);
        await app.SweepAsync();
        MoveTo(item.DueAt!.Value);
        await app.SweepAsync();

        var stored = await app.LoadAsync(item.Id);
        var supervisor = Assert.Single(Escalations(stored, EscalationLevel.Supervisor));
        Assert.Equal(item.ReceivedAt, supervisor.At); // raised at intake, not by the sweep
        Assert.Single(Escalations(stored, EscalationLevel.Manager));
        Assert.Equal([EscalationLevel.Manager], app.EventsFor(item.Id, WorkQueueEventKind.Escalated).Select(e => e.Level));
    }

    [Fact]
    public async Task Sweep_MoreItemsThanOneBatch_ReachesThemAll()
    {
        var items = new List<ServiceRequest>();
        for (var i = 0; i < 7; i++)
            items.Add(await app.LogComplaintAsync());

        MoveTo(items[^1].WarnAt!.Value);
        await app.InScope(async sp =>
        {
            var sweep = new EscalationSweep(sp.GetRequiredService<IDbContextFactory<AppDbContext>>(), sp.GetRequiredService<Permissions>(), sp.GetRequiredService<IWorkQueueEvents>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<EscalationSweep>>()) { BatchSize = 3 };
            return await sweep.SweepAsync();
        });

        foreach (var item in items)
            Assert.Equal(EscalationLevel.Supervisor, (await app.LoadAsync(item.Id)).Level);
    }
}
