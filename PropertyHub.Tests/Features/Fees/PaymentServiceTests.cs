using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Counter;
using PropertyHub.Features.Fees.Requests;

namespace PropertyHub.Tests.Features.Fees;

public sealed class PaymentServiceTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();

    private int UnitId { get; set; }
    private int EstateId { get; set; }

    public async Task InitializeAsync() => (UnitId, EstateId) = await SeedRequestsAsync(factory);

    /// <summary>Bills the first occupied unit for three months, oldest first: 300.00, 300.00, 280.50.</summary>
    public static async Task<(int UnitId, int EstateId)> SeedRequestsAsync(AppFactory factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.Include(u => u.Building).Include(u => u.Occupants).Where(u => u.Occupants.Any()).OrderBy(u => u.Id).FirstAsync();
        var estateId = unit.Building!.EstateId;
        var management = await db.FeeItems.Where(i => i.EstateId == estateId && i.Code == "management").Select(i => (int?)i.Id).SingleOrDefaultAsync();
        foreach (var (month, total) in new[] { (new DateOnly(2026, 9, 1), 300.00m), (new DateOnly(2026, 10, 1), 300.00m), (new DateOnly(2026, 11, 1), 280.50m) })
        {
            db.PaymentRequests.Add(new PaymentRequest
            {
                EstateId = estateId, BuildingId = unit.BuildingId, UnitId = unit.Id, OccupantId = unit.Occupants[0].Id,
                Month = month, DueDate = month.AddDays(19), IssuedAt = DateTimeOffset.UtcNow, Total = total,
                Lines = [new PaymentRequestLine { Kind = RequestLineKind.Fee, FeeItemId = management, Description = "物业管理费", Quantity = 1, Rate = total, Amount = total }],
            });
        }
        await db.SaveChangesAsync();
        return (unit.Id, estateId);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private Task<PaymentResult> PayAsync(string amount, PaymentMethod method = PaymentMethod.Cash, string? reference = null, string role = Roles.Finance) =>
        PayAsync(factory, UnitId, amount, method, reference, role);

    public static async Task<PaymentResult> PayAsync(AppFactory factory, int unitId, string amount, PaymentMethod method = PaymentMethod.Cash,
        string? reference = null, string role = Roles.Finance)
    {
        PaymentResult result = null!;
        await factory.AsAsync(role, async sp => result = await sp.GetRequiredService<PaymentService>()
            .RecordAsync(new PaymentInput { UnitId = unitId, Amount = amount, Method = method, Reference = reference }));
        return result;
    }

    private async Task<PaymentResult> ReverseAsync(int paymentId, string? reason, string role = Roles.Finance)
    {
        PaymentResult result = null!;
        await factory.AsAsync(role, async sp => result = await sp.GetRequiredService<PaymentService>().ReverseAsync(paymentId, reason));
        return result;
    }

    private async Task<decimal[]> PaidAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await db.PaymentRequests.Where(r => r.UnitId == UnitId).ToListAsync()).OrderBy(r => r.Month).Select(r => r.Paid).ToArray();
    }

    [Fact]
    public async Task Payment_PartialThenMore_OldestFirstRestIsCredit()
    {
        var first = await PayAsync("450");
        var second = await PayAsync("500.00", PaymentMethod.WeChatPay, "4200001234202611270001");

        Assert.Equal((450m, 0m), (first.Allocated, first.Credit));
        Assert.Equal((430.50m, 69.50m), (second.Allocated, second.Credit));
        Assert.True(second.BecameCredit);
        Assert.Equal([300m, 300m, 280.50m], await PaidAsync());
    }

    [Fact]
    public async Task Payment_UnitHasCreditAndANewRequest_CreditGoesFirstAndNoCreditWarning()
    {
        var over = await PayAsync("1000.00");
        Assert.Equal(119.50m, over.Credit);
        Assert.True(over.BecameCredit);
        await using (var db = await factory.CreateDbContextAsync())
        {
            var last = await db.PaymentRequests.Where(r => r.UnitId == UnitId).OrderByDescending(r => r.Id).FirstAsync();
            db.PaymentRequests.Add(new PaymentRequest
            {
                EstateId = last.EstateId, BuildingId = last.BuildingId, UnitId = UnitId, OccupantId = last.OccupantId,
                Month = new DateOnly(2026, 12, 1), DueDate = new DateOnly(2026, 12, 20), IssuedAt = DateTimeOffset.UtcNow, Total = 300m,
            });
            await db.SaveChangesAsync();
        }

        var rest = await PayAsync("180.50");

        Assert.Equal((180.50m, 0m, false), (rest.Allocated, rest.Credit, rest.BecameCredit));
        Assert.Equal([300m, 300m, 280.50m, 300m], await PaidAsync());
    }

    [Fact]
    public async Task Payment_AtTheCounter_ClosesTheCollectionTasksOfWhatItPaidInFull()
    {
        await using (var db = await factory.CreateDbContextAsync())
        {
            foreach (var request in await db.PaymentRequests.Where(r => r.UnitId == UnitId).ToListAsync())
                db.CollectionTasks.Add(new CollectionTask { EstateId = EstateId, BuildingId = request.BuildingId, UnitId = UnitId, PaymentRequestId = request.Id, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        await PayAsync("400.00");

        await using var check = await factory.CreateDbContextAsync();
        var statuses = await check.CollectionTasks.Join(check.PaymentRequests, t => t.PaymentRequestId, r => r.Id, (t, r) => new { r.Month, t.Status })
            .OrderBy(x => x.Month).Select(x => x.Status).ToListAsync();
        Assert.Equal([CollectionStatus.Paid, CollectionStatus.Open, CollectionStatus.Open], statuses);
    }

    [Fact]
    public async Task Reversal_OfAPaymentThatClosedCollectionTasks_ReopensThem()
    {
        await using (var db = await factory.CreateDbContextAsync())
        {
            foreach (var request in await db.PaymentRequests.Where(r => r.UnitId == UnitId).ToListAsync())
                db.CollectionTasks.Add(new CollectionTask { EstateId = EstateId, BuildingId = request.BuildingId, UnitId = UnitId, PaymentRequestId = request.Id, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var paid = await PayAsync("650.00");

        await ReverseAsync(paid.PaymentId!.Value, "收款金额录入错误");

        await using var check = await factory.CreateDbContextAsync();
        var statuses = await check.CollectionTasks.Join(check.PaymentRequests, t => t.PaymentRequestId, r => r.Id, (t, r) => new { r.Month, t.Status })
            .OrderBy(x => x.Month).Select(x => x.Status).ToListAsync();
        Assert.Equal([CollectionStatus.Open, CollectionStatus.Open, CollectionStatus.Open], statuses);
    }

    [Fact]
    public async Task Receipts_TwentyAtOnce_UniqueAndWithoutGaps()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PayAsync("10.00")));

        Assert.All(results, r => Assert.True(r.Ok));
        await using var db = await factory.CreateDbContextAsync();
        var seqs = await db.Payments.Where(p => p.EstateId == EstateId).Select(p => p.ReceiptSeq).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 20), seqs.Order());
        Assert.Equal(20, results.Select(r => r.ReceiptNumber).Distinct().Count());
        Assert.Equal(200m, (await PaidAsync()).Sum());
    }

    [Fact]
    public async Task Reversal_TakesTheAllocationsBackWithItsOwnReceipt()
    {
        var paid = await PayAsync("350");

        var reversed = await ReverseAsync(paid.PaymentId!.Value, "收款金额录入错误");

        Assert.True(reversed.Ok);
        Assert.NotEqual(paid.ReceiptNumber, reversed.ReceiptNumber);
        Assert.Equal([0m, 0m, 0m], await PaidAsync());
        await using var db = await factory.CreateDbContextAsync();
        var reversal = await db.Payments.SingleAsync(p => p.ReversalOfId == paid.PaymentId);
        Assert.Equal((-350m, "收款金额录入错误"), (reversal.Amount, reversal.Reason));
        Assert.Equal(2, await db.Payments.CountAsync());
    }

    [Fact]
    public async Task Reversal_OfAReversalOrTwiceOrWithoutReason_Refused()
    {
        var paid = await PayAsync("100");
        var noReason = await ReverseAsync(paid.PaymentId!.Value, "  ");
        var reversed = await ReverseAsync(paid.PaymentId!.Value, "重复收款");

        var twice = await ReverseAsync(paid.PaymentId!.Value, "再次冲销");
        var ofReversal = await ReverseAsync(reversed.PaymentId!.Value, "冲销的冲销");

        Assert.Equal("ReasonRequired", noReason.Errors["Reason"]);
        Assert.Equal("AlreadyReversed", twice.Errors[""]);
        Assert.Equal("CannotReverseReversal", ofReversal.Errors[""]);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(2, await db.Payments.CountAsync());
        Assert.Equal(2, await db.ReceiptCounters.Where(c => c.EstateId == EstateId).Select(c => c.Last).SingleAsync());
    }

    [Fact]
    public async Task Reversal_OfAPaymentWhoseCreditPaidALaterRequest_NeitherReversedPaymentIsCreditAndTheRequestIsOwedAgain()
    {
        // Sep 300.00 + Oct 300.00 + Nov 280.50 = 880.50 owed.
        var first = await PayAsync("1000");
        Assert.Equal((880.50m, 119.50m), (first.Allocated, first.Credit));
        await AssertUnitAsync([300m, 300m, 280.50m], credit: 119.50m);

        var firstBack = await ReverseAsync(first.PaymentId!.Value, "录入错误");
        Assert.Equal((-880.50m, 0m), (firstBack.Allocated, firstBack.Credit));
        await AssertUnitAsync([0m, 0m, 0m], credit: 0m);

        var second = await PayAsync("1000");
        Assert.Equal((880.50m, 119.50m), (second.Allocated, second.Credit));
        await AssertUnitAsync([300m, 300m, 280.50m], credit: 119.50m);

        await factory.WithScopeAsync(sp => sp.GetRequiredService<PaymentRequestIssuer>().IssueAsync(new DateOnly(2026, 12, 1), CancellationToken.None));
        var december = await RequestAsync(new DateOnly(2026, 12, 1));
        Assert.True(december.Total > 119.50m, "the demo fees bill more than the credit");
        // The credit comes from the second payment: the reversed first one is no source.
        Assert.Equal(119.50m, december.Paid);
        Assert.Equal([(second.PaymentId!.Value, 119.50m)], await AllocationsToAsync(december.Id));
        await AssertUnitAsync([300m, 300m, 280.50m, 119.50m], credit: 0m);

        var secondBack = await ReverseAsync(second.PaymentId!.Value, "退票");

        Assert.Equal((-1000m, -1000m, 0m), (secondBack.Amount, secondBack.Allocated, secondBack.Credit));
        december = await RequestAsync(new DateOnly(2026, 12, 1));
        Assert.Equal((0m, december.Total), (december.Paid, december.Outstanding));
        await AssertUnitAsync([0m, 0m, 0m, 0m], credit: 0m);
        // The reversal's receipt takes back what the credit paid on December, visibly, beside the three months.
        await using var db = await factory.CreateDbContextAsync();
        var receipt = (await CounterQueries.ReceiptAsync(db, secondBack.PaymentId!.Value))!;
        Assert.Equal([-300m, -300m, -280.50m, -119.50m], receipt.Lines.Select(l => l.Amount));
        Assert.Equal(new DateOnly(2026, 12, 1), receipt.Lines[^1].Month);
        Assert.Equal(0m, receipt.Credit);
        Assert.Equal([(second.PaymentId!.Value, 119.50m), (secondBack.PaymentId!.Value, -119.50m)], await AllocationsToAsync(december.Id));
        Assert.Equal(4, await db.Payments.CountAsync(p => p.UnitId == UnitId));
    }

    [Fact]
    public async Task Reversal_WhenAnotherPaymentLeftCredit_ThatCreditPaysWhatIsOwedAgain()
    {
        var first = await PayAsync("500");
        var second = await PayAsync("600");
        await AssertUnitAsync([300m, 300m, 280.50m], credit: 219.50m);

        var back = await ReverseAsync(first.PaymentId!.Value, "重复收款");

        // Sep 300 and Oct 200 are owed again; the second payment's 219.50 of credit pays them, oldest first.
        Assert.Equal((-500m, 0m), (back.Allocated, back.Credit));
        await AssertUnitAsync([219.50m, 100m, 280.50m], credit: 0m);
        Assert.Equal(600m, await AllocatedFromAsync(second.PaymentId!.Value));
    }

    private async Task<decimal> AllocatedFromAsync(int paymentId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await db.PaymentAllocations.Where(a => a.PaymentId == paymentId).Select(a => a.Amount).ToListAsync()).Sum();
    }

    private async Task<PaymentRequest> RequestAsync(DateOnly month)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.PaymentRequests.AsNoTracking().SingleAsync(r => r.UnitId == UnitId && r.Month == month);
    }

    private async Task<(int PaymentId, decimal Amount)[]> AllocationsToAsync(int requestId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await db.PaymentAllocations.Where(a => a.PaymentRequestId == requestId).OrderBy(a => a.Id).ToListAsync())
            .Select(a => (a.PaymentId, a.Amount)).ToArray();
    }

    /// <summary>Each request's paid amount (by month), the unit's credit, what is outstanding, and that the books balance.</summary>
    private async Task AssertUnitAsync(decimal[] paid, decimal credit)
    {
        await using var db = await factory.CreateDbContextAsync();
        var requests = (await db.PaymentRequests.Where(r => r.UnitId == UnitId).ToListAsync()).OrderBy(r => r.Month).ToList();
        Assert.Equal(paid, requests.Select(r => r.Paid));
        Assert.Equal(credit, await PaymentService.CreditOfAsync(db, UnitId, CancellationToken.None));
        Assert.Equal(requests.Sum(r => r.Total) - paid.Sum(), requests.Sum(r => r.Outstanding));
        var received = (await db.Payments.Where(p => p.UnitId == UnitId).Select(p => p.Amount).ToListAsync()).Sum();
        var allocated = (await db.PaymentAllocations.Where(a => db.Payments.Any(p => p.Id == a.PaymentId && p.UnitId == UnitId)).Select(a => a.Amount).ToListAsync()).Sum();
        Assert.Equal(received, allocated + credit);
    }

    [Theory]
    [InlineData("-5", "Amount", "AmountNegative")]
    [InlineData("0", "Amount", "AmountMustBePositive")]
    [InlineData("12.345", "Amount", "AmountTooManyDecimals")]
    [InlineData("一百", "Amount", "AmountNotNumber")]
    public async Task Payment_BadAmount_RefusedNoReceiptNumberUsed(string amount, string field, string error)
    {
        var result = await PayAsync(amount);

        Assert.Equal(error, result.Errors[field]);
        await using var db = await factory.CreateDbContextAsync();
        Assert.False(await db.Payments.AnyAsync());
        Assert.False(await db.ReceiptCounters.AnyAsync());
    }

    [Fact]
    public async Task Payment_TransferWithoutReferenceOrByEngineer_Refused()
    {
        var noReference = await PayAsync("100", PaymentMethod.BankTransfer);
        var engineer = await PayAsync("100", role: Roles.Engineer);

        Assert.Equal("ReferenceRequired", noReference.Errors["Reference"]);
        Assert.Equal("NotAllowed", engineer.Errors[""]);
        Assert.Equal([0m, 0m, 0m], await PaidAsync());
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PaymentReceiptsPostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Receipts_TwentyAtOnceOnPostgres_UniqueAndWithoutGaps()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("pay_" + Guid.NewGuid().ToString("N")[..8]),
        };
        var (unitId, estateId) = await PaymentServiceTests.SeedRequestsAsync(factory);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PaymentServiceTests.PayAsync(factory, unitId, "45.00")));

        Assert.All(results, r => Assert.True(r.Ok));
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(Enumerable.Range(1, 20), (await db.Payments.Where(p => p.EstateId == estateId).Select(p => p.ReceiptSeq).ToListAsync()).Order());
        var paid = await db.PaymentRequests.Where(r => r.UnitId == unitId).OrderBy(r => r.Month).Select(r => r.Paid).ToListAsync();
        Assert.Equal([300m, 300m, 280.50m], paid);
        Assert.Equal(900m - 880.50m, results.OrderBy(r => r.ReceiptNumber).Last().Credit);
    }
}
