using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Renovation;
using PropertyHub.Features.Renovation.Completion;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace PropertyHub.Tests.Features.Renovation;

/// <summary>What the second user trial found at the end of a renovation: a charge above the deposit, a written-off pass at the gate.</summary>
public sealed partial class RenovationCompletionTests
{
    [Fact]
    public async Task Refund_ChargeAboveTheDeposit_NothingBackAndTheShortfallBilledOnceAsAPaidService()
    {
        var (id, passes) = await renovations.PermitWithPassesAsync();
        Assert.True((await renovations.InspectAsync(id, "外墙石材破损", "2,500.00")).Ok);
        Assert.True((await ReturnPermitAsync(id)).Ok);
        foreach (var pass in passes)
            Assert.True((await ReturnPassAsync(pass)).Ok);
        var sheet = await renovations.SheetAsync(id);

        var refunds = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => RefundAsync(id, "0")));

        Assert.Equal(1, refunds.Count(r => r.Ok));
        Assert.All(refunds.Where(r => !r.Ok), r => Assert.Equal("AlreadyRefunded", r.Errors[""]));
        var after = await renovations.SheetAsync(id);
        Assert.Equal((RenovationStatus.Settled, 0m, 2500m), (after.Status, after.Refund!.Deposit, after.Refund.Charges));
        await using var db = await factory.CreateDbContextAsync();
        var billed = Assert.Single(await db.PaidServices.Where(s => s.UnitId == sheet.UnitId && s.Price == 500m).ToListAsync());
        Assert.Equal((sheet.OccupantId, null), (billed.OccupantId, billed.PaymentRequestId));
        Assert.NotNull(billed.SignedAt);
        Assert.Contains(sheet.PermitNumber!, billed.ServiceType);
    }

    [Fact]
    public async Task Refund_ChargeAboveTheDeposit_NoMethodNeededAndTheLineSaysWhatTheDepositKept()
    {
        var (id, passes) = await renovations.PermitWithPassesAsync();
        Assert.True((await renovations.InspectAsync(id, "外墙石材破损", "2600")).Ok);
        Assert.True((await ReturnPermitAsync(id)).Ok);
        foreach (var pass in passes)
            Assert.True((await ReturnPassAsync(pass)).Ok);

        var refund = await renovations.CompletionAsync(Roles.Finance, s => s.RefundAsync(id, "0.00", null, null));

        Assert.True(refund.Ok);
        var sheet = await renovations.SheetAsync(id);
        await WithPageAsync(Roles.Finance, ctx =>
        {
            ctx.Services.AddSingleton(factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PropertyHub.Features.Fees.Counter.ReceiptOptions>>());
            var page = ctx.Render<RenovationSettlement>(p => p.Add(x => x.Sheet, sheet));
            page.WaitForAssertion(() => Assert.StartsWith("Refunded ¥0.00 (¥2,000.00 kept from the deposit) on receipt", page.Find("[data-testid=refund-done]").TextContent));
            Assert.Contains("¥600.00", page.Find("[data-testid=shortfall-billed]").TextContent);
            var voucher = ctx.Render<RenovationRefundVoucher>(p => p.Add(x => x.Sheet, sheet).Add(x => x.Refund, sheet.Refund!)
                .Add(x => x.Culture, new System.Globalization.CultureInfo("zh-Hans")));
            voucher.WaitForAssertion(() => Assert.Contains("凭证编号：", voucher.Markup));
            Assert.DoesNotContain("凭证编号:", voucher.Markup);
            Assert.DoesNotContain("付款方式", voucher.Markup);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Refund_SomethingBackWithoutAMethod_Refused()
    {
        var (id, passes) = await renovations.PermitWithPassesAsync();
        Assert.True((await renovations.InspectAsync(id, "电梯轿厢划伤", "350")).Ok);
        Assert.True((await ReturnPermitAsync(id)).Ok);
        foreach (var pass in passes)
            Assert.True((await ReturnPassAsync(pass)).Ok);

        var refund = await renovations.CompletionAsync(Roles.Finance, s => s.RefundAsync(id, "1650", null, null));

        Assert.Equal("MethodInvalid", refund.Errors["Method"]);
        Assert.Equal(RenovationStatus.Completed, (await renovations.SheetAsync(id)).Status);
    }

    [Fact]
    public async Task Refund_DepositCoversTheCharge_NoPaidService()
    {
        var (id, passes) = await renovations.PermitWithPassesAsync();
        Assert.True((await renovations.InspectAsync(id, "电梯轿厢划伤", "350")).Ok);
        Assert.True((await ReturnPermitAsync(id)).Ok);
        foreach (var pass in passes)
            Assert.True((await ReturnPassAsync(pass)).Ok);
        var unit = (await renovations.SheetAsync(id)).UnitId;
        await using var db = await factory.CreateDbContextAsync();
        var before = await db.PaidServices.CountAsync(s => s.UnitId == unit);

        Assert.True((await RefundAsync(id, "1650")).Ok);

        Assert.Equal(before, await db.PaidServices.CountAsync(s => s.UnitId == unit));
    }

    [Fact]
    public async Task Gate_WrittenOffPass_SaysWrittenOffWithTheReason()
    {
        var (_, passes) = await renovations.PermitWithPassesAsync();
        string number;
        await using (var db = await factory.CreateDbContextAsync())
            number = await db.WorkerPasses.Where(p => p.Id == passes[0]).Select(p => p.Number).SingleAsync();
        Assert.True((await ReturnPassAsync(passes[0], writeOff: true, reason: "Worker lost the card")).Ok);

        var gate = await renovations.PassesAsync(Roles.Security, s => s.CheckAsync(number));

        Assert.Equal((GateOutcome.WrittenOff, "Worker lost the card"), (gate.Outcome, gate.Reason));
    }
}
