using PropertyHub.Features.Renovation;

namespace PropertyHub.Tests.Features.Renovation;

public sealed class RenovationRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);
    private static readonly DateTimeOffset Signed = new(2026, 12, 5, 2, 0, 0, TimeSpan.Zero);

    private static RenovationApplication Approved() => new()
    {
        ContractorName = "c", ContractorLicence = "l", ContractorContact = "p", ContractorPhone = "13900001111", PlanDescription = "plan",
        SubmittedBy = "clerk", Status = RenovationStatus.Approved, PlannedStart = Today.AddDays(2), PlannedEnd = Today.AddDays(10),
    };

    [Fact]
    public void Permit_NothingSignedNorPaid_RefusedForTheOwnersAgreementFirst()
    {
        Assert.Equal("OwnerNotSigned", RenovationRules.Permit(Approved(), depositPaid: false));
    }

    [Fact]
    public void Permit_OwnerSignedOnly_RefusedForTheContractorsLetter()
    {
        var application = Approved();
        application.OwnerSignedAt = Signed;

        Assert.Equal("ContractorNotSigned", RenovationRules.Permit(application, depositPaid: true));
    }

    [Fact]
    public void Permit_BothSignedDepositNotPaid_Refused()
    {
        var application = Approved();
        (application.OwnerSignedAt, application.ContractorSignedAt) = (Signed, Signed);

        Assert.Equal("DepositNotPaid", RenovationRules.Permit(application, depositPaid: false));
    }

    [Fact]
    public void Permit_BothSignedAndPaid_Allowed()
    {
        var application = Approved();
        (application.OwnerSignedAt, application.ContractorSignedAt) = (Signed, Signed);

        Assert.Null(RenovationRules.Permit(application, depositPaid: true));
    }

    [Theory]
    [InlineData(RenovationStatus.Submitted, "NotApproved")]
    [InlineData(RenovationStatus.Returned, "NotApproved")]
    [InlineData(RenovationStatus.PermitIssued, "PermitAlreadyIssued")]
    [InlineData(RenovationStatus.Completed, "PermitAlreadyIssued")]
    [InlineData(RenovationStatus.Settled, "PermitAlreadyIssued")]
    public void Permit_NotApprovedOrAlreadyIssued_RefusedEvenWhenSignedAndPaid(RenovationStatus status, string error)
    {
        var application = Approved();
        (application.OwnerSignedAt, application.ContractorSignedAt, application.Status) = (Signed, Signed, status);

        Assert.Equal(error, RenovationRules.Permit(application, depositPaid: true));
    }

    [Fact]
    public void Review_ApproveWithAFailedItem_Refused()
    {
        var review = new RenovationReview { Approve = true, Failed = [CovenantCheck.LoadBearingWalls] };

        Assert.Equal("ApproveWithFailedItems", RenovationRules.Review(RenovationStatus.Submitted, review));
    }

    [Theory]
    [InlineData(null, "ReasonsRequired")]
    [InlineData(" \u200B ", "ReasonsRequired")]
    [InlineData("拆除承重墙，不予批准", null)]
    public void Review_ReturnWithFailedItem_NeedsReasons(string? reasons, string? error)
    {
        var review = new RenovationReview { Approve = false, Failed = [CovenantCheck.Waterproofing], Reasons = reasons };

        Assert.Equal(error, RenovationRules.Review(RenovationStatus.Submitted, review));
    }

    [Fact]
    public void Review_ReturnWithoutFailedItem_Refused()
    {
        Assert.Equal("ReturnNeedsFailedItem", RenovationRules.Review(RenovationStatus.Submitted, new RenovationReview { Reasons = "x" }));
    }

    [Theory]
    [InlineData(RenovationStatus.Approved)]
    [InlineData(RenovationStatus.Returned)]
    [InlineData(RenovationStatus.PermitIssued)]
    public void Review_NotSubmitted_Refused(RenovationStatus status)
    {
        Assert.Equal("NotAwaitingReview", RenovationRules.Review(status, new RenovationReview { Approve = true }));
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(-1, 3, "StartInPast")]
    [InlineData(3, 2, "EndBeforeStart")]
    [InlineData(0, 179, null)]
    [InlineData(0, 180, "WorksTooLong")]
    public void Dates_FromToday(int startIn, int endIn, string? error)
    {
        Assert.Equal(error, RenovationRules.Dates(Today.AddDays(startIn), Today.AddDays(endIn), Today));
    }

    [Fact]
    public void Workers_NoneInvalidIdOrTwice_Refused()
    {
        Assert.Equal("WorkersRequired", RenovationRules.Workers([]));
        Assert.Equal("WorkerIdInvalid", RenovationRules.Workers([new WorkerInput { Name = "李强", IdNumber = "110105194912310021" }]));
        Assert.Equal("WorkerNameRequired", RenovationRules.Workers([new WorkerInput { Name = " ", IdNumber = RenovationTesting.WorkerId1 }]));
        Assert.Equal("WorkerTwice", RenovationRules.Workers([
            new WorkerInput { Name = "李强", IdNumber = RenovationTesting.WorkerId1 },
            new WorkerInput { Name = "李强", IdNumber = RenovationTesting.WorkerId1.ToLowerInvariant() }]));
        Assert.Null(RenovationRules.Workers([new WorkerInput { Name = "李强", IdNumber = RenovationTesting.WorkerId1 }]));
    }

    [Fact]
    public void PermitValidity_StartPassed_FromToday()
    {
        var application = Approved();
        application.PlannedStart = Today.AddDays(-3);

        Assert.Equal((Today, Today.AddDays(10)), RenovationRules.PermitValidity(application, Today));
    }

    [Fact]
    public void Sign_BeforeApprovalOrTwice_Refused()
    {
        Assert.Equal("NotApproved", RenovationRules.Sign(RenovationStatus.Submitted, null));
        Assert.Equal("AlreadySigned", RenovationRules.Sign(RenovationStatus.Approved, Signed));
        Assert.Null(RenovationRules.Sign(RenovationStatus.Approved, null));
    }
}
