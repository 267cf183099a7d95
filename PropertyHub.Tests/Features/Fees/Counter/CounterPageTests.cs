using Bunit;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;

namespace PropertyHub.Tests.Features.Fees.Counter;

public sealed class CounterPageTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();
    private int unitId;

    public async Task InitializeAsync() => (unitId, _) = await PaymentServiceTests.SeedRequestsAsync(factory);

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Counter_OpenRequests_ListedWithTotalOutstandingPrefilled()
    {
        await factory.RenderCounterAsync(Roles.Clerk, unitId, page =>
        {
            Assert.Equal(3, page.FindAll("[data-testid=counter-request]").Count);
            Assert.Equal("880.50", page.Find("[data-testid=counter-total-outstanding]").TextContent);
            Assert.Equal("0.00", page.Find("[data-testid=counter-credit]").TextContent);
            Assert.Equal("880.50", page.Find("input[data-testid=counter-amount]").GetAttribute("value"));
            // All three due dates (20 Sep .. 20 Nov 2026) are before today's date on this machine's clock or not: marked consistently.
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var expected = new[] { new DateOnly(2026, 9, 20), new DateOnly(2026, 10, 20), new DateOnly(2026, 11, 20) }.Count(d => d < today);
            Assert.Equal(expected, page.FindAll("[data-testid=counter-request][data-overdue=true]").Count);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Counter_MoreThanOwed_RecordsShowsReceiptNumberAndCreditWarning()
    {
        await factory.RenderCounterAsync(Roles.Finance, unitId, page =>
        {
            page.Type("counter-amount", "1000");
            page.Choose(PaymentMethod.WeChatPay);
            page.Type("counter-reference", "4200001234202611270009");
            page.Record();

            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=counter-recorded]")), TimeSpan.FromSeconds(10));
            var number = page.Find("[data-testid=counter-receipt-number]").TextContent;
            Assert.Matches(@"^R\d{4}-\d{6}$", number);
            Assert.Contains(number, page.Find("[data-testid=counter-recorded]").TextContent, StringComparison.Ordinal);
            Assert.Equal("119.50 more than owed: kept as the unit's credit for the next requests.", page.Find("[data-testid=counter-credit-warning]").TextContent.Trim());
            Assert.Contains("/fees/receipts/", page.Find("[data-testid=counter-print]").GetAttribute("href"), StringComparison.Ordinal);
            page.WaitForAssertion(() => Assert.Equal("119.50", page.Find("[data-testid=counter-credit]").TextContent));
            Assert.Empty(page.FindAll("[data-testid=counter-request]"));
            Assert.Equal(number, page.Find("[data-testid=counter-payment]").GetAttribute("data-receipt"));
            return Task.CompletedTask;
        });

        var payment = Assert.Single(await factory.PaymentsAsync(unitId));
        Assert.Equal((1000m, PaymentMethod.WeChatPay, "4200001234202611270009"), (payment.Amount, payment.Method, payment.Reference));
        Assert.Equal(880.50m, payment.Allocations.Sum(a => a.Amount));
    }

    [Fact]
    public async Task Counter_ExactAmount_NoCreditWarning()
    {
        await factory.RenderCounterAsync(Roles.Clerk, unitId, page =>
        {
            page.Record();

            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=counter-recorded]")), TimeSpan.FromSeconds(10));
            Assert.Empty(page.FindAll("[data-testid=counter-credit-warning]"));
            return Task.CompletedTask;
        });

        var payment = Assert.Single(await factory.PaymentsAsync(unitId));
        Assert.Equal((880.50m, PaymentMethod.Cash), (payment.Amount, payment.Method));
    }

    [Fact]
    public async Task Counter_UnitWithCreditPaysNextRequestExactly_NoCreditWarning()
    {
        await PaymentServiceTests.PayAsync(factory, unitId, "1000");
        await AddDecemberRequestAsync(300m);

        await factory.RenderCounterAsync(Roles.Clerk, unitId, page =>
        {
            // The credit kept from before goes first: the amount to collect is 300.00 − 119.50.
            Assert.Equal("119.50", page.Find("[data-testid=counter-credit]").TextContent);
            Assert.Equal("180.50", page.Find("input[data-testid=counter-amount]").GetAttribute("value"));
            page.Record();

            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=counter-recorded]")), TimeSpan.FromSeconds(10));
            Assert.Empty(page.FindAll("[data-testid=counter-credit-warning]"));
            return Task.CompletedTask;
        });
        await using var db = await factory.CreateDbContextAsync();
        Assert.All(await db.PaymentRequests.Where(r => r.UnitId == unitId).ToListAsync(), r => Assert.Equal(r.Total, r.Paid));
    }

    private async Task AddDecemberRequestAsync(decimal total)
    {
        await using var db = await factory.CreateDbContextAsync();
        var first = await db.PaymentRequests.Where(r => r.UnitId == unitId).OrderBy(r => r.Id).FirstAsync();
        var month = new DateOnly(2026, 12, 1);
        db.PaymentRequests.Add(new PaymentRequest
        {
            EstateId = first.EstateId, BuildingId = first.BuildingId, UnitId = unitId, OccupantId = first.OccupantId,
            Month = month, DueDate = month.AddDays(19), IssuedAt = DateTimeOffset.UtcNow, Total = total,
            Lines = [new PaymentRequestLine { Kind = RequestLineKind.Fee, Description = "物业管理费", Quantity = 1, Rate = total, Amount = total }],
        });
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("-5", PaymentMethod.Cash, null, "counter-amount", "The amount cannot be negative.")]
    [InlineData("12.345", PaymentMethod.Cash, null, "counter-amount", "At most two decimals (fen).")]
    [InlineData("0", PaymentMethod.Cash, null, "counter-amount", "The amount must be more than zero.")]
    [InlineData("100", PaymentMethod.BankTransfer, "  ", "counter-reference", "Enter the transaction reference for a transfer, WeChat Pay, Alipay or card payment.")]
    public async Task Counter_BadInput_ShowsFieldErrorAndWritesNothing(string amount, PaymentMethod method, string? reference, string field, string message)
    {
        await factory.RenderCounterAsync(Roles.Finance, unitId, page =>
        {
            page.Type("counter-amount", amount);
            page.Choose(method);
            if (reference is not null)
                page.Type("counter-reference", reference);
            page.Record();

            page.WaitForAssertion(() => Assert.Equal(message, page.ErrorUnder(field)), TimeSpan.FromSeconds(10));
            Assert.Empty(page.FindAll("[data-testid=counter-recorded]"));
            return Task.CompletedTask;
        });

        Assert.Empty(await factory.PaymentsAsync(unitId));
    }

    [Fact]
    public async Task Counter_ForClerk_NoReverseButton()
    {
        await PaymentServiceTests.PayAsync(factory, unitId, "300");

        await factory.RenderCounterAsync(Roles.Clerk, unitId, page =>
        {
            Assert.Single(page.FindAll("[data-testid=counter-payment]"));
            Assert.Empty(page.FindAll("[data-testid=counter-reverse]"));
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Counter_FinanceReversesWithReason_PaymentShownReversedAndReversalShowsReason()
    {
        var paid = await PaymentServiceTests.PayAsync(factory, unitId, "300");

        await factory.RenderCounterAsync(Roles.Finance, unitId, (page, dialogs) =>
        {
            page.Find("[data-testid=counter-reverse]").Click();
            dialogs.WaitForElement("form[data-testid=counter-reverse-form]", TimeSpan.FromSeconds(10)).Submit();
            dialogs.WaitForAssertion(() => Assert.Equal("Give the reason for the reversal.", ErrorUnder(dialogs, "counter-reverse-reason")), TimeSpan.FromSeconds(10));
            dialogs.Find("[data-testid=counter-reverse-reason]").Input("收款金额录入错误");
            dialogs.Find("form[data-testid=counter-reverse-form]").Submit();

            page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=counter-payment]").Count), TimeSpan.FromSeconds(10));
            var original = page.Find($"[data-testid=counter-payment][data-receipt={paid.ReceiptNumber}]");
            Assert.Equal("true", original.GetAttribute("data-reversed"));
            Assert.Empty(page.FindAll("[data-testid=counter-reverse]"));
            Assert.Contains("Reversed by", original.ParentElement!.TextContent, StringComparison.Ordinal);
            Assert.Equal($"Reversal of {paid.ReceiptNumber}: 收款金额录入错误", page.Find("[data-testid=counter-payment-reversal]").TextContent.Trim());
            Assert.Equal("880.50", page.Find("[data-testid=counter-total-outstanding]").TextContent);
            return Task.CompletedTask;
        });

        var payments = await factory.PaymentsAsync(unitId);
        Assert.Equal([300m, -300m], payments.Select(p => p.Amount));
        Assert.Equal("收款金额录入错误", payments[1].Reason);
    }

    private static string ErrorUnder(IRenderedComponent<MudBlazor.MudDialogProvider> dialogs, string testId) =>
        dialogs.Find($"[data-testid={testId}]").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";
}
