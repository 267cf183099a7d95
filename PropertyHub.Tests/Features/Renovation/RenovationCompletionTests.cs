using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees.Counter;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Files;
using PropertyHub.Features.Renovation;
using PropertyHub.Features.Renovation.Passes;

namespace PropertyHub.Tests.Features.Renovation;

/// <summary>The end of a renovation on one app: patrols, the completion inspection, permit and passes back, the refund.</summary>
public sealed partial class RenovationCompletionTests : IClassFixture<RenovationAppFactory>
{
    private readonly RenovationAppFactory factory;
    private readonly RenovationTesting renovations;

    public RenovationCompletionTests(RenovationAppFactory factory)
    {
        this.factory = factory;
        factory.Clock.Set(RenovationAppFactory.Start);
        renovations = new RenovationTesting(factory);
    }

    private Task<RenovationResult> RefundAsync(int id, string amount, PaymentMethod method = PaymentMethod.Cash, string? reference = null) =>
        renovations.CompletionAsync(Roles.Finance, s => s.RefundAsync(id, amount, method, reference));

    private Task<RenovationResult> ReturnPassAsync(int passId, bool writeOff = false, string? reason = null) =>
        renovations.CompletionAsync(Roles.Clerk, s => s.ReturnPassAsync(passId, writeOff, reason));

    private Task<RenovationResult> ReturnPermitAsync(int id) => renovations.CompletionAsync(Roles.Clerk, s => s.ReturnPermitAsync(id, false, null));

    private async Task<(int Payments, int Counter, int Files)> CountsAsync(int id)
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await db.RenovationPayments.CountAsync(p => p.ApplicationId == id), await db.ReceiptCounters.SumAsync(c => c.Last), await db.StoredFiles.CountAsync());
    }

    [Fact]
    public async Task Inspection_DamageWithoutPhotos_RefusedWithItsMessageNothingWritten()
    {
        var (id, _) = await renovations.PermitWithPassesAsync();
        var sheet = await renovations.SheetAsync(id);
        var before = await CountsAsync(id);

        var noPhotos = await renovations.CompletionAsync(Roles.Engineer, s => s.InspectAsync(id, sheet.Version, new InspectionInput { Damage = "电梯轿厢划伤", Charge = "350.00" }, []));
        var noCharge = await renovations.InspectAsync(id, "电梯轿厢划伤", " ");
        var threeDecimals = await renovations.InspectAsync(id, "电梯轿厢划伤", "350.005");

        Assert.Equal("DamageNeedsPhotos", noPhotos.Errors["Photos"]);
        Assert.Equal("ChargeRequired", noCharge.Errors["Charge"]);
        Assert.Equal("AmountTooManyDecimals", threeDecimals.Errors["Charge"]);
        Assert.Equal(RenovationStatus.PermitIssued, (await renovations.SheetAsync(id)).Status);
        Assert.Equal(before, await CountsAsync(id));
        await using var db = await factory.CreateDbContextAsync();
        Assert.False(await db.RenovationInspections.AnyAsync(i => i.ApplicationId == id));
    }

    [Fact]
    public async Task PatrolAndInspection_BeforeThePlannedStart_RefusedNothingWritten_ThenAcceptedOnceStarted()
    {
        // Applied for on 7 December to start on 9 December.
        var (id, _) = await renovations.PermitWithPassesAsync(input => (input.PlannedStart, input.PlannedEnd) = (input.PlannedStart!.Value.AddDays(2), input.PlannedStart!.Value.AddDays(6)));
        var before = await CountsAsync(id);

        var patrol = await renovations.CompletionAsync(Roles.Engineer, s => s.RecordPatrolAsync(id, new PatrolInput { At = new DateTime(2026, 12, 7, 9, 30, 0), Findings = "未开工" }, []));
        var inspection = await renovations.InspectAsync(id);

        Assert.Equal("PatrolBeforeStart", patrol.Errors["At"]);
        Assert.Equal("InspectionBeforeStart", inspection.Errors[""]);
        Assert.Equal(RenovationStatus.PermitIssued, (await renovations.SheetAsync(id)).Status);
        Assert.Equal(before, await CountsAsync(id));
        await using (var db = await factory.CreateDbContextAsync())
            Assert.False(await db.RenovationInspections.AnyAsync(i => i.ApplicationId == id) || await db.RenovationPatrols.AnyAsync(p => p.ApplicationId == id));

        factory.Clock.At(2026, 12, 9, 10);
        Assert.True((await renovations.CompletionAsync(Roles.Engineer, s => s.RecordPatrolAsync(id, new PatrolInput { At = new DateTime(2026, 12, 9, 9, 0, 0), Findings = "正常施工" }, []))).Ok);
        Assert.True((await renovations.InspectAsync(id)).Ok);
    }

    [Fact]
    public async Task Refund_RefusedUntilEveryPassAndThePermitAreBack_ThenOnceOnACounterReceipt()
    {
        var (id, passes) = await renovations.PermitWithPassesAsync();

        var beforeInspection = await RefundAsync(id, "1650");
        Assert.True((await renovations.InspectAsync(id, "电梯轿厢划伤", "350")).Ok);
        var permitOut = await RefundAsync(id, "1650");
        Assert.True((await ReturnPermitAsync(id)).Ok);
        Assert.True((await ReturnPassAsync(passes[0])).Ok);
        var onePassOut = await RefundAsync(id, "1650");
        var noReason = await ReturnPassAsync(passes[1], writeOff: true, reason: " ");
        Assert.True((await ReturnPassAsync(passes[1], writeOff: true, reason: "工人已离开，证件遗失")).Ok);
        var before = await CountsAsync(id);
        var aboveDeposit = await RefundAsync(id, "2000.01");
        var aboveBalance = await RefundAsync(id, "1650.01");
        var unchanged = await CountsAsync(id);
        var refunded = await RefundAsync(id, "1650.00", PaymentMethod.BankTransfer, "TR-778899");
        var again = await RefundAsync(id, "1");

        Assert.Equal("NotInspected", beforeInspection.Errors[""]);
        Assert.Equal("PermitNotReturned", permitOut.Errors[""]);
        Assert.Equal("PassesNotReturned", onePassOut.Errors[""]);
        Assert.Equal("WriteOffReasonRequired", noReason.Errors["Reason"]);
        Assert.Equal("RefundAboveDeposit", aboveDeposit.Errors["Amount"]);
        Assert.Equal("RefundAboveBalance", aboveBalance.Errors["Amount"]);
        Assert.Equal(before, unchanged);
        Assert.True(refunded.Ok, string.Join(",", refunded.Errors));
        Assert.Equal("AlreadyRefunded", again.Errors[""]);
        var sheet = await renovations.SheetAsync(id);
        Assert.Equal(RenovationStatus.Settled, sheet.Status);
        var refund = sheet.Refund!;
        Assert.Equal((1650m, 350m, PaymentMethod.BankTransfer, refunded.Number), (refund.Deposit, refund.Charges, refund.Method, refund.ReceiptNumber));
        Assert.Matches(@"^R\d{4}-\d{6}$", refund.ReceiptNumber);
        Assert.Equal((before.Payments + 1, before.Counter + 1), ((await CountsAsync(id)).Payments, (await CountsAsync(id)).Counter));

        // The refund's paper says money paid out to the owner, in each language; the collection's stays a receipt.
        var zh = await PrintReceiptAsync(id, refund.Id, "zh-Hans");
        Assert.Contains("退款凭证", zh);
        Assert.Contains("今退付", zh);
        Assert.Contains("退款事由", zh);
        Assert.Contains("付款人", zh);
        Assert.DoesNotContain("今收到", zh);
        Assert.DoesNotContain("收款", zh);
        // A voucher: the deposit received with its receipt, less the charge, the refund; numbered as a voucher; both sign.
        Assert.Contains("凭证编号", zh);
        Assert.DoesNotContain("收据编号:", zh);
        Assert.Contains($"已收装修押金（收据编号 {sheet.Collection!.ReceiptNumber}", zh);
        Assert.Contains("2,000.00", zh);
        Assert.Contains("减：损坏赔偿 电梯轿厢划伤", zh);
        Assert.Contains("领款人（业主）签名", zh);
        Assert.Contains("付款人（出纳）签名", zh);
        Assert.Contains("今退付", await PrintReceiptAsync(id, refund.Id, "zh-Hant"));
        var en = await PrintReceiptAsync(id, refund.Id, "en");
        Assert.Contains("Refunded to", en);
        Assert.DoesNotContain("Received from", en);
        Assert.Contains("今收到", await PrintReceiptAsync(id, sheet.Collection!.Id, "zh-Hans"));
    }

    private async Task<string> PrintReceiptAsync(int id, int paymentId, string lang)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        await using var scope = factory.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Finance);
        await using var ctx = new BunitContext();
        try
        {
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<RenovationService>());
            ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<RenovationCompletionService>());
            ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<EstateTime>());
            ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<IOptions<ReceiptOptions>>());
            ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/renovations/{id}/receipts/{paymentId}?lang={lang}");
            var page = ctx.Render<RenovationReceiptPage>(p => p.Add(x => x.Id, id).Add(x => x.PaymentId, paymentId));
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=receipt]")));
            return page.Markup;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task Collect_MethodPicked_RecordedAsPicked()
    {
        var id = await renovations.ApprovedAsync();

        var noReference = await renovations.AsAsync(Roles.Finance, s => s.CollectAsync(id, PaymentMethod.Card, " "));
        var card = await renovations.AsAsync(Roles.Finance, s => s.CollectAsync(id, PaymentMethod.Card, "POS 123456"));

        Assert.Equal("ReferenceRequired", noReference.Errors["Reference"]);
        Assert.True(card.Ok);
        Assert.Equal(PaymentMethod.Card, (await renovations.SheetAsync(id)).Collection!.Method);
    }

    [Fact]
    public async Task Gate_ReturnedPass_SaysReturned()
    {
        var (_, passes) = await renovations.PermitWithPassesAsync();
        string number;
        await using (var db = await factory.CreateDbContextAsync())
            number = await db.WorkerPasses.Where(p => p.Id == passes[0]).Select(p => p.Number).SingleAsync();

        Assert.True((await ReturnPassAsync(passes[0])).Ok);
        var twice = await ReturnPassAsync(passes[0]);
        var gate = await renovations.PassesAsync(Roles.Security, s => s.CheckAsync(number));

        Assert.Equal("AlreadyReturned", twice.Errors[""]);
        Assert.Equal(GateOutcome.Returned, gate.Outcome);
    }

    [Fact]
    public async Task Patrol_WithPhotoAndViolation_RecordedInFutureRefused()
    {
        var (id, _) = await renovations.PermitWithPassesAsync();
        var photo = await renovations.PhotoAsync("patrol.png");
        var pdf = (await renovations.UploadAsync(RenovationDocumentKind.Qualification, RenovationTesting.Pdf, "x.pdf")).File;
        var at = new DateTime(2026, 12, 7, 9, 30, 0);

        var future = await renovations.CompletionAsync(Roles.Engineer, s => s.RecordPatrolAsync(id, new PatrolInput { At = at.AddHours(1), Findings = "无" }, []));
        var notPicture = await renovations.CompletionAsync(Roles.Engineer, s => s.RecordPatrolAsync(id, new PatrolInput { At = at, Findings = "无" }, [pdf]));
        var saved = await renovations.CompletionAsync(Roles.Engineer, s => s.RecordPatrolAsync(id, new PatrolInput { At = at, Findings = " 中午施工噪音 ", Violation = true }, [photo]));

        Assert.Equal("PatrolInFuture", future.Errors["At"]);
        Assert.Equal("PhotoRequired", notPicture.Errors["Photos"]);
        Assert.True(saved.Ok, string.Join(",", saved.Errors));
        var view = (await renovations.CompletionAsync(Roles.Clerk, s => s.ViewAsync(id)))!;
        var patrol = Assert.Single(view.Patrols);
        Assert.Equal(("中午施工噪音", true, 1, 1), (patrol.Findings, patrol.IsViolation, patrol.Photos.Count, view.Violations));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 1, 30, 0, TimeSpan.Zero), patrol.PatrolledAt);
        await Assert.ThrowsAsync<AccessRefusedException>(() => renovations.CompletionAsync(Roles.Finance, s => s.RecordPatrolAsync(id, new PatrolInput { At = at, Findings = "x" }, [])));
    }

    [Fact]
    public async Task Permit_NumbersConsecutiveInTheYear()
    {
        var first = (await renovations.PermitWithPassesAsync()).Id;
        var second = (await renovations.PermitWithPassesAsync()).Id;

        var numbers = new[] { (await renovations.SheetAsync(first)).PermitNumber!, (await renovations.SheetAsync(second)).PermitNumber! };

        Assert.All(numbers, n => Assert.StartsWith("SG2026-", n));
        Assert.Equal(int.Parse(numbers[0][7..]) + 1, int.Parse(numbers[1][7..]));
    }

    [Fact]
    public async Task Resubmit_ReturnedApplicationCorrected_BackForReviewWithNewWorkers()
    {
        var id = await renovations.SubmittedAsync();
        var sheet = await renovations.SheetAsync(id);
        var early = await renovations.AsAsync(Roles.Clerk, async s => await s.ResubmitAsync(id, sheet.Version, (await s.InputAsync(id))!, []));
        var returned = await renovations.AsAsync(Roles.Engineer, s => s.ReviewAsync(id, sheet.Version,
            new RenovationReview { Failed = [CovenantCheck.NoiseHours], Reasons = "请注明施工时间" }));
        Assert.True(returned.Ok);
        var input = (await renovations.AsAsync(Roles.Clerk, s => s.InputAsync(id)))!;
        input.PlanDescription = "厨房翻新，施工时间 8:00–12:00、14:00–18:00";
        input.Workers.RemoveAt(1);
        sheet = await renovations.SheetAsync(id);

        var resubmitted = await renovations.AsAsync(Roles.Clerk, s => s.ResubmitAsync(id, sheet.Version, input, []));

        Assert.Equal("NotReturned", early.Errors[""]);
        Assert.True(resubmitted.Ok, string.Join(",", resubmitted.Errors));
        var after = await renovations.SheetAsync(id);
        Assert.Equal((RenovationStatus.Submitted, null, null), (after.Status, after.ReturnReasons, after.ReviewedAt));
        Assert.Equal(["李强"], after.Workers.Select(w => w.Name));
        Assert.StartsWith("厨房翻新", after.PlanDescription);
        Assert.Equal(2, after.Documents.Count);
    }

    [Fact]
    public async Task PassCards_PrintInTheLanguageAsked_ElseThePages()
    {
        var (id, _) = await renovations.PermitWithPassesAsync();

        var english = await PrintCardsAsync(id, "?lang=en");
        var pages = await PrintCardsAsync(id, "");

        Assert.Contains("Worker pass", english);
        Assert.DoesNotContain("施工人员出入证", english);
        Assert.Contains("施工人员出入证", pages);
    }

    private async Task<string> PrintCardsAsync(int id, string query)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        await using var scope = factory.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Clerk);
        await using var ctx = new BunitContext();
        try
        {
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<RenovationService>());
            ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<WorkerPassService>());
            ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/renovations/{id}/passes{query}");
            var page = ctx.Render<WorkerPassCardsPage>(p => p.Add(x => x.Id, id));
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=pass-card]")));
            return page.Markup;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
