using PropertyHub.Features.Repairs;

namespace PropertyHub.Tests.Features.Repairs;

public sealed class WorkOrderRulesTests
{
    [Theory]
    [InlineData(WorkOrderStatus.ToSchedule, WorkOrderStep.Schedule, WorkOrderStatus.Scheduled)]
    [InlineData(WorkOrderStatus.Scheduled, WorkOrderStep.Move, WorkOrderStatus.Scheduled)]
    [InlineData(WorkOrderStatus.Scheduled, WorkOrderStep.Arrive, WorkOrderStatus.InProgress)]
    [InlineData(WorkOrderStatus.InProgress, WorkOrderStep.Finish, WorkOrderStatus.AwaitingAcceptance)]
    [InlineData(WorkOrderStatus.AwaitingAcceptance, WorkOrderStep.Accept, WorkOrderStatus.Completed)]
    [InlineData(WorkOrderStatus.AwaitingAcceptance, WorkOrderStep.Reject, WorkOrderStatus.Rework)]
    [InlineData(WorkOrderStatus.Completed, WorkOrderStep.FollowUp, WorkOrderStatus.FollowedUp)]
    [InlineData(WorkOrderStatus.Completed, WorkOrderStep.Reopen, WorkOrderStatus.Rework)]
    [InlineData(WorkOrderStatus.Rework, WorkOrderStep.Schedule, WorkOrderStatus.Scheduled)]
    [InlineData(WorkOrderStatus.FollowedUp, WorkOrderStep.Close, WorkOrderStatus.Closed)]
    [InlineData(WorkOrderStatus.InProgress, WorkOrderStep.Cancel, WorkOrderStatus.Cancelled)]
    public void Next_AllowedStep_GoesToTheNextStatus(WorkOrderStatus from, WorkOrderStep step, WorkOrderStatus expected) =>
        Assert.Equal(expected, WorkOrderRules.Next(from, step));

    [Fact]
    public void Close_OnlyFromFollowedUp_NoCloseWithoutFollowUp()
    {
        var closable = Enum.GetValues<WorkOrderStatus>().Where(s => WorkOrderRules.Allows(s, WorkOrderStep.Close));
        Assert.Equal([WorkOrderStatus.FollowedUp], closable);
        // The only way into followed up is the follow-up step itself.
        var intoFollowedUp = from s in Enum.GetValues<WorkOrderStatus>()
                             from step in Enum.GetValues<WorkOrderStep>()
                             where WorkOrderRules.Next(s, step) == WorkOrderStatus.FollowedUp
                             select (s, step);
        Assert.Equal([(WorkOrderStatus.Completed, WorkOrderStep.FollowUp)], intoFollowedUp);
    }

    [Theory]
    [InlineData(WorkOrderStatus.AwaitingAcceptance)]
    [InlineData(WorkOrderStatus.Completed)]
    [InlineData(WorkOrderStatus.FollowedUp)]
    [InlineData(WorkOrderStatus.Closed)]
    [InlineData(WorkOrderStatus.Cancelled)]
    public void Cancel_AfterTheWorkIsDoneOrFinal_NotAllowed(WorkOrderStatus from) =>
        Assert.Null(WorkOrderRules.Next(from, WorkOrderStep.Cancel));

    [Fact]
    public void FinalStatuses_AllowNoStep()
    {
        foreach (var status in new[] { WorkOrderStatus.Closed, WorkOrderStatus.Cancelled })
        {
            Assert.True(WorkOrderRules.IsFinal(status));
            Assert.All(Enum.GetValues<WorkOrderStep>(), step => Assert.False(WorkOrderRules.Allows(status, step)));
        }
    }

    [Fact]
    public void FollowUp_OnFollowedUpOrder_NotAllowed_SoItIsRecordedOnce()
    {
        Assert.False(WorkOrderRules.Allows(WorkOrderStatus.FollowedUp, WorkOrderStep.FollowUp));
        Assert.False(WorkOrderRules.Allows(WorkOrderStatus.FollowedUp, WorkOrderStep.Reopen));
    }

    [Fact]
    public void ReworkLoop_BackThroughSchedulingToAcceptance()
    {
        var status = WorkOrderStatus.AwaitingAcceptance;
        foreach (var step in new[] { WorkOrderStep.Reject, WorkOrderStep.Schedule, WorkOrderStep.Arrive, WorkOrderStep.Finish, WorkOrderStep.Accept })
            status = WorkOrderRules.Next(status, step) ?? throw new Xunit.Sdk.XunitException($"{step} refused from {status}");
        Assert.Equal(WorkOrderStatus.Completed, status);
        Assert.False(WorkOrderRules.Allows(WorkOrderStatus.Rework, WorkOrderStep.Arrive));
    }
}
