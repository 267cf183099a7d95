using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Renovation;
using PropertyHub.Tests.Features.Fees;

namespace PropertyHub.Tests.Features.Renovation;

/// <summary>
/// The renovation service's rules on one app for the class: each test starts at 10:00 on 7 December with renovations of
/// its own, and counts what it wrote from what was there before it (tests of a class run one after another).
/// </summary>
public sealed class RenovationServiceTests : IClassFixture<RenovationAppFactory>
{
    private readonly RenovationAppFactory factory;
    private readonly RenovationTesting renovations;

    public RenovationServiceTests(RenovationAppFactory factory)
    {
        this.factory = factory;
        factory.Clock.Set(RenovationAppFactory.Start);
        renovations = new RenovationTesting(factory);
    }

    private async Task<(int Applications, int Files, int Payments)> CountsAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await db.RenovationApplications.CountAsync(), await db.StoredFiles.CountAsync(), await db.RenovationPayments.CountAsync());
    }

    [Fact]
    public async Task Submit_Valid_SavedWithWorkersPapersAndMaskedIds()
    {
        var id = await renovations.SubmittedAsync();

        var sheet = await renovations.SheetAsync(id);
        Assert.Equal((RenovationStatus.Submitted, "福州美家装饰工程有限公司", "王小芳"), (sheet.Status, sheet.ContractorName, sheet.SubmittedBy));
        Assert.Equal(["李强", "周明"], sheet.Workers.Select(w => w.Name));
        Assert.Equal(["110***********002X", "440***********0014"], sheet.Workers.Select(w => w.MaskedId));
        Assert.Equal([RenovationDocumentKind.Qualification, RenovationDocumentKind.Drawing], sheet.Documents.Select(d => d.Kind));
        Assert.Equal(["资质证书.pdf", "平面图.png"], sheet.Documents.Select(d => d.Name));
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(RenovationTesting.WorkerId2, await db.RenovationWorkers.Where(w => w.ApplicationId == id).OrderBy(w => w.Id).Select(w => w.IdNumber).LastAsync());
    }

    [Fact]
    public async Task Submit_WithoutQualificationCopyAndWithBadWorker_RefusedNothingWritten()
    {
        var input = await renovations.InputAsync();
        input.Workers[1].IdNumber = "440524188001010015";
        var drawing = await renovations.UploadAsync(RenovationDocumentKind.Drawing, RenovationTesting.Png, "plan.png");
        var before = await CountsAsync();

        var result = await renovations.AsAsync(Roles.Clerk, s => s.SubmitAsync(input, [drawing]));

        Assert.Equal("QualificationRequired", result.Errors["Qualification"]);
        Assert.Equal("WorkerIdInvalid", result.Errors["Workers"]);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Submit_ApplicantOfAnotherUnit_Refused()
    {
        var input = await renovations.InputAsync();
        await using (var db = await factory.CreateDbContextAsync())
            input.OccupantId = (await db.Occupants.FirstAsync(o => o.UnitId != input.UnitId)).Id;
        var papers = await renovations.PapersAsync();
        var before = await CountsAsync();

        var result = await renovations.AsAsync(Roles.Clerk, s => s.SubmitAsync(input, papers));

        Assert.Equal("ApplicantRequired", result.Errors["OccupantId"]);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Submit_AsEngineer_RefusedNothingWritten()
    {
        var input = await renovations.InputAsync();
        var papers = await renovations.PapersAsync();
        var before = await CountsAsync();

        await Assert.ThrowsAsync<AccessRefusedException>(() => renovations.AsAsync(Roles.Engineer, s => s.SubmitAsync(input, papers)));

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Review_Return_KeepsFailedItemsAndReasonsAndNothingCanBeSigned()
    {
        var id = await renovations.SubmittedAsync();
        var sheet = await renovations.SheetAsync(id);

        var result = await renovations.AsAsync(Roles.Engineer, s => s.ReviewAsync(id, sheet.Version,
            new RenovationReview { Failed = [CovenantCheck.LoadBearingWalls, CovenantCheck.Waterproofing], Reasons = " 拆除承重墙 " }));

        Assert.True(result.Ok);
        sheet = await renovations.SheetAsync(id);
        Assert.Equal((RenovationStatus.Returned, "拆除承重墙", "黄伟"), (sheet.Status, sheet.ReturnReasons, sheet.ReviewedBy));
        Assert.Equal([CovenantCheck.LoadBearingWalls, CovenantCheck.Waterproofing], sheet.FailedChecks);
        var sign = await renovations.AsAsync(Roles.Clerk, s => s.SignAsync(id, sheet.Version, RenovationParty.Owner, null, RenovationTesting.Signature));
        Assert.Equal("NotApproved", sign.Errors[""]);
    }

    [Fact]
    public async Task Review_ApproveWithFailedItemOrNoDeposit_RefusedStillSubmitted()
    {
        var id = await renovations.SubmittedAsync();
        var sheet = await renovations.SheetAsync(id);

        var withFailed = await renovations.AsAsync(Roles.Engineer, s => s.ReviewAsync(id, sheet.Version,
            new RenovationReview { Approve = true, Failed = [CovenantCheck.Debris], Deposit = "2000" }));
        var noDeposit = await renovations.AsAsync(Roles.Engineer, s => s.ReviewAsync(id, sheet.Version, new RenovationReview { Approve = true, Deposit = "0" }));

        Assert.Equal("ApproveWithFailedItems", withFailed.Errors[""]);
        Assert.Equal("AmountMustBePositive", noDeposit.Errors["Deposit"]);
        Assert.Equal(RenovationStatus.Submitted, (await renovations.SheetAsync(id)).Status);
    }

    [Fact]
    public async Task Permit_BeforeAgreementsAndDeposit_RefusedAtEachStepThenIssued()
    {
        var id = await renovations.ApprovedAsync();

        Assert.Equal("OwnerNotSigned", (await renovations.IssueAsync(id)).Errors[""]);
        await renovations.SignAsync(id, RenovationParty.Owner);
        Assert.Equal("ContractorNotSigned", (await renovations.IssueAsync(id)).Errors[""]);
        await renovations.SignAsync(id, RenovationParty.Contractor);
        Assert.Equal("DepositNotPaid", (await renovations.IssueAsync(id)).Errors[""]);
        Assert.Null((await renovations.SheetAsync(id)).PermitNumber);
        Assert.True((await renovations.CollectAsync(id)).Ok);

        var issued = await renovations.IssueAsync(id);

        Assert.True(issued.Ok, string.Join(",", issued.Errors));
        var sheet = await renovations.SheetAsync(id);
        // Numbered in the year's own sequence (other tests of the class issue permits too).
        Assert.Equal(RenovationStatus.PermitIssued, sheet.Status);
        Assert.Matches($"^SG{sheet.PlannedStart.Year}-[0-9]{{6}}$", sheet.PermitNumber);
        Assert.Equal((sheet.PlannedStart, sheet.PlannedEnd), (sheet.PermitFrom!.Value, sheet.PermitTo!.Value));
        Assert.Equal(("刘师傅", "王小芳"), (sheet.ContractorSigner, sheet.OwnerWitnessedBy));
        Assert.Equal("PermitAlreadyIssued", (await renovations.IssueAsync(id)).Errors[""]);
    }

    [Fact]
    public async Task Collect_Twice_OneReceiptInTheCountersSequenceNotTheUnitsCredit()
    {
        var id = await renovations.ApprovedAsync(deposit: "2000", fee: "300.50");
        var sheet = await renovations.SheetAsync(id);
        int paymentsBefore;
        await using (var read = await factory.CreateDbContextAsync())
            paymentsBefore = await read.Payments.CountAsync(p => p.UnitId == sheet.UnitId);
        var counter = await PaymentServiceTests.PayAsync(factory, sheet.UnitId, "10.00");
        var creditBefore = await CreditAsync(sheet.UnitId);

        var first = await renovations.CollectAsync(id);
        var second = await renovations.CollectAsync(id);

        Assert.True(first.Ok);
        Assert.Equal("AlreadyCollected", second.Errors[""]);
        Assert.Equal(creditBefore, await CreditAsync(sheet.UnitId));
        var paid = (await renovations.SheetAsync(id)).Collection!;
        Assert.Equal((2000m, 300.50m, 2300.50m), (paid.Deposit, paid.Fee, paid.Amount));
        var year = int.Parse(counter.ReceiptNumber![1..5]);
        var seq = int.Parse(counter.ReceiptNumber[6..]);
        Assert.Equal(ReceiptNumbers.Format(year, seq + 1), paid.ReceiptNumber);
        var next = await PaymentServiceTests.PayAsync(factory, sheet.UnitId, "10.00");
        Assert.Equal(ReceiptNumbers.Format(year, seq + 2), next.ReceiptNumber);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(paymentsBefore + 2, await db.Payments.CountAsync(p => p.UnitId == sheet.UnitId));
    }

    private async Task<decimal> CreditAsync(int unitId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await PaymentService.CreditOfAsync(db, unitId, default);
    }

    [Fact]
    public async Task Collect_BeforeApproval_RefusedNoReceiptNumberUsed()
    {
        var id = await renovations.SubmittedAsync();
        int receiptsBefore;
        await using (var read = await factory.CreateDbContextAsync())
            receiptsBefore = await read.ReceiptCounters.SumAsync(c => c.Last);

        var result = await renovations.CollectAsync(id);

        Assert.Equal("NotApproved", result.Errors[""]);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(0, await db.RenovationPayments.CountAsync(p => p.ApplicationId == id));
        Assert.Equal(receiptsBefore, await db.ReceiptCounters.SumAsync(c => c.Last));
    }

    [Fact]
    public async Task Sign_ContractorWithoutSignerOrWithATap_RefusedNothingSigned()
    {
        var id = await renovations.ApprovedAsync();
        var sheet = await renovations.SheetAsync(id);

        var noName = await renovations.AsAsync(Roles.Clerk, s => s.SignAsync(id, sheet.Version, RenovationParty.Contractor, " ", RenovationTesting.Signature));
        var tap = await renovations.AsAsync(Roles.Clerk, s => s.SignAsync(id, sheet.Version, RenovationParty.Owner, null, "M1 1 L2 2"));

        Assert.Equal("SignerRequired", noName.Errors["Signer"]);
        Assert.Equal("SignatureEmpty", tap.Errors["Signature"]);
        sheet = await renovations.SheetAsync(id);
        Assert.Null(sheet.OwnerSignedAt);
        Assert.Null(sheet.ContractorSignedAt);
    }

    [Fact]
    public async Task Sign_OwnerTwice_SecondRefused()
    {
        var id = await renovations.ApprovedAsync();
        await renovations.SignAsync(id, RenovationParty.Owner);
        var sheet = await renovations.SheetAsync(id);

        var again = await renovations.AsAsync(Roles.Clerk, s => s.SignAsync(id, sheet.Version, RenovationParty.Owner, null, RenovationTesting.Signature));

        Assert.Equal("AlreadySigned", again.Errors[""]);
    }

    [Fact]
    public async Task Page_NewestFirstFilteredByStatus()
    {
        var before = await renovations.AsAsync(Roles.Finance, s => s.PageAsync(null, new PropertyHub.Data.PageRequest(0, 25)));
        var approvedBefore = await renovations.AsAsync(Roles.Finance, s => s.PageAsync(RenovationStatus.Approved, new PropertyHub.Data.PageRequest(0, 25)));
        var first = await renovations.SubmittedAsync();
        var second = await renovations.ApprovedAsync();

        var all = await renovations.AsAsync(Roles.Finance, s => s.PageAsync(null, new PropertyHub.Data.PageRequest(0, 25)));
        var approved = await renovations.AsAsync(Roles.Finance, s => s.PageAsync(RenovationStatus.Approved, new PropertyHub.Data.PageRequest(0, 25)));

        Assert.Equal([second, first], all.Rows.Take(2).Select(r => r.Id));
        Assert.Equal(before.Total + 2, all.Total);
        Assert.Equal(second, approved.Rows[0].Id);
        Assert.DoesNotContain(first, approved.Rows.Select(r => r.Id));
        Assert.Equal(approvedBefore.Total + 1, approved.Total);
    }
}
