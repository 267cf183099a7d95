using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Repairs;
using PropertyHub.Tests.Features.Reception;
using static PropertyHub.Tests.Features.Repairs.RepairsTesting;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>Work orders on SQLite: creation, the state machine's steps as services, deadlines, timeline and live events.</summary>
public sealed class WorkOrderServiceTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    [Fact]
    public async Task Create_FromRepairCall_OnTimelineAndQueue_ToSchedule()
    {
        var request = await app.LogRepairAsync();

        var order = Ok(await app.As(Roles.Clerk, s => s.CreateAsync(FromRequest(request))));

        var stored = await app.LoadOrderAsync(order.Id);
        Assert.Equal((WorkOrderStatus.ToSchedule, request.Id, app.UnitId), (stored.Status, stored.ServiceRequestId, stored.UnitId));
        Assert.Contains(stored.Request!.Timeline, t => t.Kind == TimelineKind.WorkOrder);
        // A normal repair keeps the request's 24-hour scheduling deadline.
        Assert.Equal(request.ReceivedAt.AddHours(24), stored.Request.DueAt);
        Assert.Single(app.EventsFor(request.Id, WorkQueueEventKind.Changed));
    }

    [Fact]
    public async Task Create_Emergency_ScheduledWithinTheSetting()
    {
        var request = await app.LogRepairAsync("Burst pipe, water everywhere");
        var now = app.Clock.GetUtcNow();

        Ok(await app.As(Roles.Clerk, s => s.CreateAsync(FromRequest(request, RepairUrgency.Emergency))));

        var stored = await app.LoadAsync(request.Id);
        Assert.Equal(now.AddMinutes(30), stored.DueAt);
        Assert.Equal(now.AddMinutes(20), stored.WarnAt);
    }

    [Fact]
    public async Task Create_Twice_SecondRefused()
    {
        var request = await app.LogRepairAsync();
        Ok(await app.As(Roles.Clerk, s => s.CreateAsync(FromRequest(request))));
        var before = await app.CountAllAsync();

        var again = await app.As(Roles.Supervisor, s => s.CreateAsync(FromRequest(request)));

        Assert.Equal(ReceptionOutcome.Invalid, again.Outcome);
        Assert.Equal("This repair request already has a work order.", Assert.Single(again.Errors).Message);
        Assert.Equal(before, await app.CountAllAsync());
    }

    [Fact]
    public async Task Create_BadInput_ClearMessagesNothingWritten()
    {
        var request = await app.LogRepairAsync();
        var before = await app.CountAllAsync();

        var result = await app.As(Roles.Clerk, s => s.CreateAsync(FromRequest(request) with { Category = null, Description = " \u200b " }));
        var paidCommon = await app.As(Roles.Clerk, s => s.CreateAsync(new WorkOrderDraft
        {
            EstateId = app.EstateId, Kind = WorkOrderKind.Repair, Location = RepairLocation.CommonArea, Category = RepairCategory.Lift,
            IsPaid = true, Description = "Lift door sticks",
        }));

        Assert.Equal(["Category", "Description"], result.Errors.Select(e => e.Field).Order());
        Assert.Equal(["IsPaid", "Place"], paidCommon.Errors.Select(e => e.Field).Order());
        Assert.Equal(before, await app.CountAllAsync());
    }

    [Fact]
    public async Task Raise_RoutineCheckInCommonArea_GetsARequestOfItsOwnOnTheQueue()
    {
        var before = await app.CountRequestsAsync();

        var order = Ok(await app.As(Roles.Engineer, s => s.CreateAsync(new WorkOrderDraft
        {
            EstateId = app.EstateId, Kind = WorkOrderKind.RoutineCheck, Location = RepairLocation.CommonArea, Place = "Pump room",
            Category = RepairCategory.Water, Description = "Monthly check of the pumps",
        })));

        Assert.Equal(before + 1, await app.CountRequestsAsync());
        var request = await app.LoadAsync(order.ServiceRequestId);
        Assert.Equal((RequestKind.Repair, RequestStatus.Open), (request.Kind, request.Status));
        Assert.Equal([TimelineKind.Created, TimelineKind.WorkOrder], request.Timeline.OrderBy(t => t.Id).Select(t => t.Kind));
        Assert.Single(app.EventsFor(request.Id, WorkQueueEventKind.Created));
    }

    [Fact]
    public async Task Schedule_InThePast_RefusedInTheUsersLanguage()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        var now = app.Clock.GetUtcNow();
        var before = await app.CountAllAsync();

        var result = await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version,
            Appointment(default, engineer) with { WindowStart = now.AddHours(-2), WindowEnd = now.AddHours(-1) }));

        Assert.Equal("The appointment cannot be in the past.", Assert.Single(result.Errors).Message);
        Assert.Equal(before, await app.CountAllAsync());
        Assert.Equal(WorkOrderStatus.ToSchedule, (await app.LoadOrderAsync(order.Id)).Status);
    }

    [Fact]
    public async Task Schedule_OutsideVisitingHours_Refused_ButAnEmergencyMayComeAtNight()
    {
        var order = await app.NewOrderAsync();
        var emergency = await app.NewOrderAsync(RepairUrgency.Emergency);
        var engineer = await app.DemoEngineerIdAsync();
        var day = app.FreshDay();

        var late = await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(day, engineer, 21, 22)));
        var night = await app.As(Roles.Clerk, s => s.ScheduleAsync(emergency.Id, emergency.Version, Appointment(day, engineer, 21, 22)));

        Assert.Equal("Window", Assert.Single(late.Errors).Field);
        Assert.True(night.Succeeded);
    }

    [Fact]
    public async Task Schedule_OverlapForOneEngineer_WarnedThenBookedWhenConfirmed()
    {
        var first = await app.NewOrderAsync();
        var second = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        var day = app.FreshDay();
        Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(first.Id, first.Version, Appointment(day, engineer, 9, 11))));
        var before = await app.CountAllAsync();

        var warned = await app.As(Roles.Clerk, s => s.ScheduleAsync(second.Id, second.Version, Appointment(day, engineer, 10, 12)));

        Assert.True(warned.NeedsConfirmation);
        Assert.Contains("already has a visit", Assert.Single(warned.Errors).Message);
        Assert.Equal(before, await app.CountAllAsync());
        var confirmed = await app.As(Roles.Clerk, s => s.ScheduleAsync(second.Id, second.Version, Appointment(day, engineer, 10, 12) with { AcceptOverlap = true }));
        Assert.Equal(WorkOrderStatus.Scheduled, Ok(confirmed).Status);
    }

    [Fact]
    public async Task Move_KeepsTheOldAppointmentAsHistory()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));

        var day = app.FreshDay();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(day, engineer, 14, 16))));

        var stored = await app.LoadOrderAsync(order.Id);
        Assert.Equal([AppointmentStatus.Moved, AppointmentStatus.Current], stored.Appointments.OrderBy(a => a.Id).Select(a => a.Status));
        Assert.Equal(At(day, 16), stored.Request!.WarnAt);
        Assert.Equal(WorkOrderStatus.Scheduled, stored.Status);
    }

    [Fact]
    public async Task Lifecycle_NoCloseWithoutFollowUp_ThenFollowedUpAndClosed()
    {
        var order = await app.CompletedOrderAsync();
        Assert.Equal(WorkOrderStatus.Completed, order.Status);
        var request = await app.LoadAsync(order.ServiceRequestId);
        Assert.Equal(order.AcceptedAt!.Value.AddDays(3), request.DueAt);

        var early = await app.As(Roles.Clerk, s => s.CloseAsync(order.Id, order.Version));
        Assert.Equal("A repair is closed only after its follow-up call is recorded.", Assert.Single(early.Errors).Message);

        order = Ok(await app.As(Roles.Clerk, s => s.RecordFollowUpAsync(order.Id, order.Version, FollowUpOutcome.Satisfied, FollowUpAction.None, null)));
        order = Ok(await app.As(Roles.Clerk, s => s.CloseAsync(order.Id, order.Version)));

        Assert.Equal(WorkOrderStatus.Closed, order.Status);
        var closed = await app.LoadAsync(order.ServiceRequestId);
        Assert.Equal(RequestStatus.Closed, closed.Status);
        Assert.Equal(7, closed.Timeline.Count(t => t.Kind == TimelineKind.WorkOrder));
        Assert.Single(app.EventsFor(order.ServiceRequestId, WorkQueueEventKind.Closed));
        Assert.Equal(6, app.EventsFor(order.ServiceRequestId, WorkQueueEventKind.Changed).Count);
    }

    [Fact]
    public async Task QueueCloseOrReply_WhileTheWorkOrderIsUnderWay_Refused()
    {
        var order = await app.CompletedOrderAsync();
        var request = await app.LoadAsync(order.ServiceRequestId);

        var closed = await app.ChangeAsync(s => s.CloseAsync(request.Id, request.Version, CloseReason.Duplicate, null));
        var replied = await app.ChangeAsync(s => s.ReplyAsync(request.Id, request.Version, "Fixed", Channel.ServiceLine));

        Assert.All([closed, replied], r => Assert.Equal("This repair has a work order under way: it closes from the work order, after its follow-up call.", Assert.Single(r.Errors).Message));
        Assert.Equal(RequestStatus.Open, (await app.LoadAsync(request.Id)).Status);
    }

    [Fact]
    public async Task FollowUp_RecordedTwice_SecondRefused()
    {
        var order = await app.CompletedOrderAsync();
        order = Ok(await app.As(Roles.Clerk, s => s.RecordFollowUpAsync(order.Id, order.Version, FollowUpOutcome.Satisfied, FollowUpAction.None, null)));
        var before = await app.CountAllAsync();

        var again = await app.As(Roles.Supervisor, s => s.RecordFollowUpAsync(order.Id, order.Version, FollowUpOutcome.Satisfied, FollowUpAction.None, null));

        Assert.Equal("No follow-up is due: the work order is Followed up.", Assert.Single(again.Errors).Message);
        Assert.Equal(before, await app.CountAllAsync());
    }

    [Fact]
    public async Task FollowUp_NoAnswer_StaysDueForAnotherCall()
    {
        var order = await app.CompletedOrderAsync();

        order = Ok(await app.As(Roles.Clerk, s => s.RecordFollowUpAsync(order.Id, order.Version, FollowUpOutcome.NoAnswer, FollowUpAction.None, null)));

        Assert.Equal(WorkOrderStatus.Completed, order.Status);
        var closing = await app.As(Roles.Clerk, s => s.CloseAsync(order.Id, order.Version));
        Assert.False(closing.Succeeded);
        Ok(await app.As(Roles.Clerk, s => s.RecordFollowUpAsync(order.Id, order.Version, FollowUpOutcome.Satisfied, FollowUpAction.None, null)));
    }

    [Fact]
    public async Task FollowUp_UnsatisfiedReopens_ReworkLoopBackToCompleted()
    {
        var order = await app.CompletedOrderAsync();

        order = Ok(await app.As(Roles.Clerk, s => s.RecordFollowUpAsync(order.Id, order.Version, FollowUpOutcome.Issues, FollowUpAction.Rework, "Still drips at night")));
        Assert.Equal((WorkOrderStatus.Rework, 1), (order.Status, order.ReworkCount));

        var engineer = await app.DemoEngineerIdAsync();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));
        order = Ok(await app.As(Roles.Engineer, s => s.ArriveAsync(order.Id, order.Version)));
        order = Ok(await app.As(Roles.Engineer, s => s.FinishAsync(order.Id, order.Version, "Tap replaced")));
        order = Ok(await app.As(Roles.Engineer, s => s.RecordAcceptanceAsync(order.Id, order.Version, true, null, RepairsTesting.Signature)));
        Assert.Equal(WorkOrderStatus.Completed, order.Status);
        var stored = await app.LoadOrderAsync(order.Id);
        Assert.Equal([AppointmentStatus.Ended, AppointmentStatus.Current], stored.Appointments.OrderBy(a => a.Id).Select(a => a.Status));
    }

    [Fact]
    public async Task FollowUp_UnsatisfiedRaisesComplaint_OnTheQueueWithItsDeadline()
    {
        var order = await app.CompletedOrderAsync();
        var requests = await app.CountRequestsAsync();

        order = Ok(await app.As(Roles.Clerk, s => s.RecordFollowUpAsync(order.Id, order.Version, FollowUpOutcome.Issues, FollowUpAction.Complaint, "Engineer was rude")));

        Assert.Equal(WorkOrderStatus.FollowedUp, order.Status);
        Assert.Equal(requests + 1, await app.CountRequestsAsync());
        await using var db = await app.CreateDbContextAsync();
        var complaint = await db.RepairFollowUps.Where(f => f.WorkOrderId == order.Id).Select(f => f.Complaint!).SingleAsync();
        Assert.Equal((RequestKind.Complaint, app.Clock.GetUtcNow().AddHours(72)), (complaint.Kind, complaint.DueAt!.Value));
        Assert.Single(app.EventsFor(complaint.Id, WorkQueueEventKind.Created));
    }

    [Fact]
    public async Task Acceptance_NotSatisfied_NeedsRemark_ThenRework()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));
        order = Ok(await app.As(Roles.Engineer, s => s.ArriveAsync(order.Id, order.Version)));
        order = Ok(await app.As(Roles.Engineer, s => s.FinishAsync(order.Id, order.Version, "Adjusted")));

        var bare = await app.As(Roles.Engineer, s => s.RecordAcceptanceAsync(order.Id, order.Version, false, "  ", null));
        Assert.Equal("Remark", Assert.Single(bare.Errors).Field);

        order = Ok(await app.As(Roles.Engineer, s => s.RecordAcceptanceAsync(order.Id, order.Version, false, "Door still does not close", null)));
        Assert.Equal(WorkOrderStatus.Rework, order.Status);
        // Back to scheduling: the 24-hour deadline counts again from now.
        Assert.Equal(app.Clock.GetUtcNow().AddHours(24), (await app.LoadAsync(order.ServiceRequestId)).DueAt);
    }

    [Fact]
    public async Task Cancel_NeedsAReason_ThenClosesTheRequest()
    {
        var order = await app.NewOrderAsync();
        var before = await app.CountAllAsync();

        var bare = await app.As(Roles.Clerk, s => s.CancelAsync(order.Id, order.Version, " "));
        Assert.Equal("Say why the work order is cancelled.", Assert.Single(bare.Errors).Message);
        Assert.Equal(before, await app.CountAllAsync());

        order = Ok(await app.As(Roles.Clerk, s => s.CancelAsync(order.Id, order.Version, "Occupant fixed it himself")));
        var request = await app.LoadAsync(order.ServiceRequestId);
        Assert.Equal((WorkOrderStatus.Cancelled, RequestStatus.Closed, CloseReason.Other), (order.Status, request.Status, request.CloseReason));
    }

    [Fact]
    public async Task Engineer_SomeoneElsesVisit_Refused()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));

        var other = await app.AsOtherEngineer(s => s.ArriveAsync(order.Id, order.Version));

        Assert.Equal("This visit is another engineer's.", Assert.Single(other.Errors).Message);
        Assert.Equal(WorkOrderStatus.Scheduled, (await app.LoadOrderAsync(order.Id)).Status);
    }

    [Fact]
    public async Task StaleVersion_Conflict_NothingWritten()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        var scheduled = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));

        var stale = await app.As(Roles.Clerk, s => s.CancelAsync(order.Id, order.Version, "Duplicate"));

        Assert.Equal(ReceptionOutcome.Conflict, stale.Outcome);
        Assert.Equal(WorkOrderStatus.Scheduled, (await app.LoadOrderAsync(scheduled.Id)).Status);
    }

    [Theory]
    [InlineData(Roles.Finance, "create")]
    [InlineData(Roles.Engineer, "schedule")]
    [InlineData(Roles.Clerk, "arrive")]
    [InlineData(Roles.Engineer, "followup")]
    public async Task Access_RoleWithoutTheAction_Refused(string role, string action)
    {
        var order = await app.NewOrderAsync();
        var request = await app.LogRepairAsync();
        var engineer = await app.DemoEngineerIdAsync();
        var before = await app.CountAllAsync();

        var result = await app.As(role, s => action switch
        {
            "create" => s.CreateAsync(FromRequest(request)),
            "schedule" => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer)),
            "arrive" => s.ArriveAsync(order.Id, order.Version),
            _ => s.RecordFollowUpAsync(order.Id, order.Version, FollowUpOutcome.Satisfied, FollowUpAction.None, null),
        });

        Assert.False(result.Succeeded);
        Assert.Contains("not allowed", Assert.Single(result.Errors).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await app.CountAllAsync());
    }

    [Fact]
    public async Task LateArrival_PastTheWindow_SweepRaisesIt()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        var day = app.FreshDay();
        Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(day, engineer))));

        app.Clock.SetUtcNow(At(day, 11, 1));
        await app.SweepAsync();

        var request = await app.LoadAsync(order.ServiceRequestId);
        Assert.Equal((EscalationLevel.Supervisor, false), (request.Level, request.IsOverdue));
    }
}
