using PropertyHub.Features.Reception;

namespace PropertyHub.Tests.Features.Reception;

public sealed class DeadlineTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    [Fact]
    public async Task Complaint_Logged_DueExactly72HoursAfterReceiptWarnedAt48()
    {
        var now = app.Clock.GetUtcNow();

        var result = await app.LogAsync(app.Complaint());

        Assert.Equal(ReceptionOutcome.Done, result.Outcome);
        var stored = await app.LoadAsync(result.Request!.Id);
        Assert.Equal(now, stored.ReceivedAt);
        Assert.Equal(now.AddHours(72), stored.DueAt);
        Assert.Equal(now.AddHours(48), stored.WarnAt);
        Assert.Equal(EscalationLevel.None, stored.Level);
        Assert.False(stored.IsOverdue);
    }

    [Fact]
    public async Task Inquiry_AgreedReplyTimeInThePast_RejectedAndNothingWritten()
    {
        var before = await app.CountRequestsAsync();
        var now = app.Clock.GetUtcNow();

        foreach (var agreed in new[] { now.AddMinutes(-1), now })
        {
            var result = await app.LogAsync(Inquiry(agreed));

            Assert.Equal(ReceptionOutcome.Invalid, result.Outcome);
            Assert.Null(result.Request);
            Assert.Contains(result.Errors, e => e.Field == nameof(Intake.AgreedReplyAt));
        }
        Assert.Equal(before, await app.CountRequestsAsync());
    }

    [Fact]
    public async Task Inquiry_AgreedReplyOutsideServiceHours_WarnsButIsSaved()
    {
        // 23:00 in Shanghai, after the service line closes at 21:00.
        var now = app.Clock.GetUtcNow();
        var agreed = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddHours(15);

        var result = await app.LogAsync(Inquiry(agreed));

        Assert.Equal(ReceptionOutcome.Done, result.Outcome);
        Assert.Single(result.Warnings);
        Assert.Contains("21:00", result.Warnings[0]);
        var stored = await app.LoadAsync(result.Request!.Id);
        Assert.Equal(agreed, stored.AgreedReplyAt);
        Assert.Equal(agreed, stored.DueAt);
        Assert.Equal(agreed.AddMinutes(-30), stored.WarnAt);
    }

    [Fact]
    public async Task Inquiry_AgreedReplyWithinServiceHours_SavedWithoutWarning()
    {
        var agreed = app.Clock.GetUtcNow().AddHours(2);

        var result = await app.LogAsync(Inquiry(agreed));

        Assert.Equal(ReceptionOutcome.Done, result.Outcome);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Message_ForAColleague_CallBackDueIn20MinutesRaisedAtOnce()
    {
        var now = app.Clock.GetUtcNow();

        var result = await app.LogAsync(new Intake
        {
            EstateId = app.EstateId, Kind = RequestKind.Message, Channel = Channel.ServiceLine, Outcome = IntakeOutcome.Message,
            UnitId = app.UnitId, CallerName = "Mr Wong", Content = "Please call back about the parking permit", ForColleague = "Ms Lau",
        });

        Assert.Equal(ReceptionOutcome.Done, result.Outcome);
        var stored = await app.LoadAsync(result.Request!.Id);
        Assert.Equal(now.AddMinutes(20), stored.DueAt);
        // Warned 30 minutes before a 20-minute deadline: the warning time has already come.
        Assert.True(stored.WarnAt <= now);
        Assert.Equal("Ms Lau", stored.ForColleague);
    }

    [Fact]
    public async Task Repair_Logged_DueForSchedulingIn24Hours()
    {
        var now = app.Clock.GetUtcNow();

        var result = await app.LogAsync(app.Complaint("The lift on floor 3 stops between floors") with
        {
            Kind = RequestKind.Repair, Channel = Channel.RepairHotline,
        });

        Assert.Equal(ReceptionOutcome.Done, result.Outcome);
        var stored = await app.LoadAsync(result.Request!.Id);
        Assert.Equal(now.AddHours(24), stored.DueAt);
        Assert.Equal(now.AddHours(20), stored.WarnAt);
    }

    [Fact]
    public async Task Inquiry_AnsweredNow_HasNoDeadlineAndIsClosed()
    {
        var result = await app.LogAsync(Inquiry(null) with { Outcome = IntakeOutcome.AnsweredNow, Answer = "The office opens at 9:00" });

        Assert.Equal(ReceptionOutcome.Done, result.Outcome);
        var stored = await app.LoadAsync(result.Request!.Id);
        Assert.Null(stored.DueAt);
        Assert.Null(stored.WarnAt);
        Assert.Equal(RequestStatus.Closed, stored.Status);
    }

    [Fact]
    public void Deadlines_CustomSettings_AreUsed()
    {
        var received = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var settings = new ReceptionSettings { ComplaintReplyHours = 48, ComplaintWarnHours = 6 };

        var deadline = Deadlines.For(RequestKind.Complaint, received, null, settings);

        Assert.Equal(received.AddHours(48), deadline.DueAt);
        Assert.Equal(received.AddHours(42), deadline.WarnAt);
        Assert.Equal(Deadline.None, Deadlines.For(RequestKind.Suggestion, received, null, settings));
    }

    private Intake Inquiry(DateTimeOffset? agreed) => new()
    {
        EstateId = app.EstateId,
        Kind = RequestKind.Inquiry,
        Channel = Channel.ServiceLine,
        Outcome = IntakeOutcome.AgreedReply,
        UnitId = app.UnitId,
        CallerName = "Mr Ho",
        Content = "When is the water supply back?",
        AgreedReplyAt = agreed,
    };
}
