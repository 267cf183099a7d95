using PropertyHub.Features.Reception;

namespace PropertyHub.Tests.Features.Reception;

public sealed class ReceptionServiceConcurrencyTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    [Fact]
    public async Task Change_TwoWritersSameVersion_SecondGetsConflictWithFreshRecordAndFirstChangeStays()
    {
        var item = await app.LogComplaintAsync();

        var first = await app.ChangeAsync(s => s.AssignAsync(item.Id, item.Version, "user-1", "Supervisor Lam"));
        var second = await app.ChangeAsync(s => s.TransferAsync(item.Id, item.Version, Department.Engineering, "Needs a plumber"));

        Assert.Equal(ReceptionOutcome.Done, first.Outcome);
        Assert.Equal(ReceptionOutcome.Conflict, second.Outcome);
        Assert.NotEmpty(second.Errors[0].Message);
        Assert.NotNull(second.Request);
        Assert.Equal("Supervisor Lam", second.Request.AssigneeName);
        Assert.Equal(first.Request!.Version, second.Request.Version);
        Assert.Contains(second.Request.Timeline, t => t.Kind == TimelineKind.Assigned);

        var stored = await app.LoadAsync(item.Id);
        Assert.Equal("Supervisor Lam", stored.AssigneeName);
        Assert.Null(stored.Department);
        Assert.DoesNotContain(stored.Timeline, t => t.Kind == TimelineKind.Transferred);
        Assert.DoesNotContain(app.EventsFor(item.Id, WorkQueueEventKind.Changed), e => e.Department == Department.Engineering);
    }

    [Fact]
    public async Task Change_WithTheFreshVersion_Succeeds()
    {
        var item = await app.LogComplaintAsync();
        var first = await app.ChangeAsync(s => s.AssignAsync(item.Id, item.Version, "user-1", "Supervisor Lam"));

        var again = await app.ChangeAsync(s => s.AddNoteAsync(item.Id, first.Request!.Version, "Called the occupant back"));

        Assert.Equal(ReceptionOutcome.Done, again.Outcome);
        var stored = await app.LoadAsync(item.Id);
        Assert.Contains(stored.Timeline, t => t.Kind == TimelineKind.Note && t.Text == "Called the occupant back");
        Assert.Equal("Supervisor Lam", stored.AssigneeName);
    }

    [Fact]
    public async Task Change_RacingWriters_ExactlyOneWins()
    {
        var item = await app.LogComplaintAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => app.ChangeAsync(s => s.AddNoteAsync(item.Id, item.Version, $"Note {i}")))));

        Assert.Equal(1, results.Count(r => r.Outcome == ReceptionOutcome.Done));
        Assert.Equal(3, results.Count(r => r.Outcome == ReceptionOutcome.Conflict));
        var stored = await app.LoadAsync(item.Id);
        Assert.Single(stored.Timeline, t => t.Kind == TimelineKind.Note);
    }
}
