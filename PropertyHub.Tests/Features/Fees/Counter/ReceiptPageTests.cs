using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;

namespace PropertyHub.Tests.Features.Fees.Counter;

public sealed class ReceiptPageTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();
    private int unitId;

    public async Task InitializeAsync() => (unitId, _) = await PaymentServiceTests.SeedRequestsAsync(factory);

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<string> ReceiptAsync(int paymentId, string language, string role = Roles.Clerk)
    {
        var client = await factory.ClientForRoleAsync(role);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return WebUtility.HtmlDecode(await client.GetStringAsync($"/fees/receipts/{paymentId}"));
    }

    private static string Between(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{testId} missing");
        start = html.IndexOf('>', start) + 1;
        return html[start..html.IndexOf('<', start)].Trim();
    }

    [Fact]
    public async Task Receipt_MoreThanOwed_ShowsNumberLinesCreditAndCapitals()
    {
        var paid = await PaymentServiceTests.PayAsync(factory, unitId, "1000", PaymentMethod.Alipay, "2026112722001400001");

        var html = await ReceiptAsync(paid.PaymentId!.Value, "zh-Hans");

        Assert.Equal(paid.ReceiptNumber, Between(html, "receipt-number"));
        Assert.Equal("收据", Between(html, "receipt-title"));
        Assert.Equal("壹仟元整", Between(html, "receipt-capitals"));
        Assert.Equal("¥1,000.00", Between(html, "receipt-figures"));
        Assert.Contains("data-reversal=\"false\"", html, StringComparison.Ordinal);
        Assert.Contains("2026-09 月份费用</span>\n                            <span class=\"figure\">300.00", html.Replace("\r", ""), StringComparison.Ordinal);
        Assert.Contains("2026-10 月份费用", html, StringComparison.Ordinal);
        Assert.Contains("2026-11 月份费用</span>\n                            <span class=\"figure\">280.50", html.Replace("\r", ""), StringComparison.Ordinal);
        Assert.Contains("预存（抵扣以后月份）</span>\n                            <span class=\"figure\">119.50", html.Replace("\r", ""), StringComparison.Ordinal);
        Assert.Contains("支付宝", html, StringComparison.Ordinal);
        Assert.Contains("2026112722001400001", html, StringComparison.Ordinal);
        Assert.Contains("Noto Sans CJK SC", html, StringComparison.Ordinal);
        Assert.Contains("data-print", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data-testid=\"receipt-void\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_InTraditional_TitleAndCapitalsInTraditionalScript()
    {
        var paid = await PaymentServiceTests.PayAsync(factory, unitId, "326.30");

        var html = await ReceiptAsync(paid.PaymentId!.Value, "zh-Hant");

        Assert.Equal("收據", Between(html, "receipt-title"));
        Assert.Equal("參佰貳拾陸元參角整", Between(html, "receipt-capitals"));
        Assert.Equal(2, html.Split("data-testid=\"receipt-line\"").Length - 1);
        Assert.Contains("現金", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_InEnglish_NamesWhatEachMonthBilledByItsFeeItem()
    {
        var paid = await PaymentServiceTests.PayAsync(factory, unitId, "300");

        var english = await ReceiptAsync(paid.PaymentId!.Value, "en");
        var simplified = await ReceiptAsync(paid.PaymentId!.Value, "zh-Hans");

        Assert.Equal("(Property management fee)", Between(english, "receipt-items"));
        Assert.Equal("（物业管理费）", Between(simplified, "receipt-items"));
    }

    [Fact]
    public async Task Receipt_OfAReversal_PrintsRedInkNamingTheOriginalAndReason_OriginalMarkedVoid()
    {
        var paid = await PaymentServiceTests.PayAsync(factory, unitId, "350");
        PaymentResult reversed = null!;
        await factory.AsAsync(Roles.Finance, async sp =>
            reversed = await sp.GetRequiredService<PaymentService>().ReverseAsync(paid.PaymentId!.Value, "重复收款"));

        var html = await ReceiptAsync(reversed.PaymentId!.Value, "zh-Hans");
        var original = await ReceiptAsync(paid.PaymentId!.Value, "zh-Hans");

        Assert.Equal(reversed.ReceiptNumber, Between(html, "receipt-number"));
        Assert.Equal("收据（红冲）", Between(html, "receipt-title"));
        Assert.Contains("class=\"receipt receipt-reversal\"", html, StringComparison.Ordinal);
        Assert.Contains("data-reversal=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal("负叁佰伍拾元整", Between(html, "receipt-capitals"));
        Assert.Equal("-¥350.00", Between(html, "receipt-figures"));
        Assert.Contains($"第 {paid.ReceiptNumber} 号收据", html, StringComparison.Ordinal);
        Assert.Equal("重复收款", Between(html, "receipt-reason"));
        Assert.Equal($"已作废：由 {reversed.ReceiptNumber} 冲销", Between(original, "receipt-void"));
    }

    [Fact]
    public async Task Receipt_ForEngineer_NotShown()
    {
        var paid = await PaymentServiceTests.PayAsync(factory, unitId, "100");
        var client = await factory.ClientForRoleAsync(Roles.Engineer);

        var response = await client.GetAsync($"/fees/receipts/{paid.PaymentId}");
        var counter = await client.GetAsync("/fees/counter");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, counter.StatusCode);
    }
}
