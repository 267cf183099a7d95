using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.PaidServices;
using PropertyHub.Features.Fees.Requests;

namespace PropertyHub.Tests.Features.Fees.PaidServices;

public sealed class PaidServiceServiceTests : IAsyncLifetime
{
    /// <summary>Two strokes of eight points each: a short but real signature.</summary>
    public const string Signature = "M100 100 L110 120 L120 140 L130 120 L140 100 L150 120 L160 140 L170 120 M200 150 L220 150 L240 150 L260 150 L280 150 L300 150 L320 150 L340 150";

    private readonly AppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<T> AsAsync<T>(string role, Func<PaidServiceService, Task<T>> action)
    {
        T result = default!;
        await factory.AsAsync(role, async sp => result = await action(sp.GetRequiredService<PaidServiceService>()));
        return result;
    }

    private async Task<(int UnitId, int OccupantId, DateOnly Today)> UnitAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var occupant = await db.Occupants.AsNoTracking().OrderBy(o => o.UnitId).FirstAsync();
        var estateId = await db.Units.Where(u => u.Id == occupant.UnitId).Select(u => u.Building!.EstateId).SingleAsync();
        var today = await AsAsync(Roles.Engineer, s => Task.FromResult(s.Today(estateId)));
        return (occupant.UnitId, occupant.Id, today);
    }

    private async Task<PaidServiceInput> InputAsync(string price = "85.00")
    {
        var (unitId, occupantId, today) = await UnitAsync();
        return new PaidServiceInput { UnitId = unitId, OccupantId = occupantId, ServiceType = " 更换水龙头 ", Description = "厨房", Price = price, ServiceDate = today };
    }

    private async Task<PaidService> RecordedAsync(string role = Roles.Engineer)
    {
        var result = await AsAsync(role, async s => await s.RecordAsync(await InputAsync()));
        Assert.True(result.Ok, string.Join(",", result.Errors));
        await using var db = await factory.CreateDbContextAsync();
        return await db.PaidServices.AsNoTracking().SingleAsync(s => s.Id == result.Id);
    }

    private async Task<int> CountAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.PaidServices.CountAsync();
    }

    [Fact]
    public async Task Record_Valid_SavedTrimmedWithSignedInStaffAndUnsigned()
    {
        var service = await RecordedAsync(Roles.Engineer);

        Assert.Equal(("更换水龙头", 85.00m, "黄伟"), (service.ServiceType, service.Price, service.StaffName));
        Assert.Null(service.Signature);
        Assert.Null(service.SignedAt);
        Assert.Null(service.PaymentRequestId);
    }

    [Theory]
    [InlineData("-5", "AmountNegative")]
    [InlineData("abc", "AmountNotNumber")]
    [InlineData("85.555", "AmountTooManyDecimals")]
    [InlineData("0", "AmountMustBePositive")]
    [InlineData("", "AmountRequired")]
    public async Task Record_BadPrice_RefusedNothingWritten(string price, string error)
    {
        var input = await InputAsync(price);

        var result = await AsAsync(Roles.Clerk, s => s.RecordAsync(input));

        Assert.Equal(error, result.Errors["Price"]);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Record_FutureDateLongTypeAndDescription_RefusedNothingWritten()
    {
        var input = await InputAsync();
        input.ServiceDate = input.ServiceDate!.Value.AddDays(1);
        input.ServiceType = new string('x', 101);
        input.Description = new string('y', 501);

        var result = await AsAsync(Roles.Clerk, s => s.RecordAsync(input));

        Assert.Equal("ServiceDateFuture", result.Errors["ServiceDate"]);
        Assert.Equal("ServiceTypeTooLong", result.Errors["ServiceType"]);
        Assert.Equal("DescriptionTooLong", result.Errors["Description"]);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Record_OccupantOfAnotherUnit_Refused()
    {
        var input = await InputAsync();
        await using (var db = await factory.CreateDbContextAsync())
            input.OccupantId = (await db.Occupants.FirstAsync(o => o.UnitId != input.UnitId)).Id;

        var result = await AsAsync(Roles.Clerk, s => s.RecordAsync(input));

        Assert.Equal("OccupantRequired", result.Errors["OccupantId"]);
        Assert.Equal(0, await CountAsync());
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public async Task RecordSignDelete_WithoutTheRole_NotAllowed(string role)
    {
        var input = await InputAsync();
        var existing = await RecordedAsync();

        Assert.Equal("NotAllowed", (await AsAsync(role, s => s.RecordAsync(input))).Errors[""]);
        Assert.Equal("NotAllowed", (await AsAsync(role, s => s.SignAsync(existing.Id, existing.Version, Signature))).Errors[""]);
        Assert.Equal("NotAllowed", (await AsAsync(role, s => s.DeleteAsync(existing.Id, existing.Version))).Errors[""]);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Null((await db.PaidServices.SingleAsync()).SignedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("M10 10 L12 12 L14 14")]
    [InlineData("M10 10 M20 20 M30 30")]
    public async Task Sign_EmptyOrTrivialSignature_RefusedAsLeftEmpty(string signature)
    {
        var service = await RecordedAsync();

        var result = await AsAsync(Roles.Engineer, s => s.SignAsync(service.Id, service.Version, signature));

        Assert.Equal("SignatureEmpty", result.Errors["Signature"]);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Null((await db.PaidServices.SingleAsync()).SignedAt);
    }

    [Fact]
    public async Task Sign_NotPathData_RefusedAsInvalid()
    {
        var service = await RecordedAsync();

        var result = await AsAsync(Roles.Engineer, s => s.SignAsync(service.Id, service.Version, "<script>alert(1)</script>" + Signature));

        Assert.Equal("SignatureInvalid", result.Errors["Signature"]);
    }

    [Fact]
    public async Task Sign_Once_StoredWitnessedAndThenFrozen()
    {
        var service = await RecordedAsync(Roles.Engineer);

        var signed = await AsAsync(Roles.Clerk, s => s.SignAsync(service.Id, service.Version, Signature));

        Assert.True(signed.Ok);
        await using var db = await factory.CreateDbContextAsync();
        var saved = await db.PaidServices.AsNoTracking().SingleAsync();
        Assert.Equal((Signature, "王小芳"), (saved.Signature, saved.WitnessedBy));
        Assert.NotNull(saved.SignedAt);

        var again = await AsAsync(Roles.Clerk, s => s.SignAsync(saved.Id, saved.Version, "M1 1 L2 2 L3 3 L4 4 L5 5 L6 6 L7 7 L8 8 L9 9 L10 10"));
        var edit = await AsAsync(Roles.Clerk, async s => await s.UpdateAsync(saved.Id, saved.Version, await InputAsync("1.00")));
        var delete = await AsAsync(Roles.Finance, s => s.DeleteAsync(saved.Id, saved.Version));

        Assert.Equal("AlreadySigned", again.Errors[""]);
        Assert.Equal("AlreadySigned", edit.Errors[""]);
        Assert.Equal("SignedCannotDelete", delete.Errors[""]);
        var after = await db.PaidServices.AsNoTracking().SingleAsync();
        Assert.Equal((Signature, 85.00m, saved.Version), (after.Signature, after.Price, after.Version));
    }

    [Fact]
    public async Task SignAndUpdate_StaleVersion_ConcurrencyConflictNothingLost()
    {
        var service = await RecordedAsync();
        var input = await InputAsync("90.00");
        Assert.True((await AsAsync(Roles.Clerk, s => s.UpdateAsync(service.Id, service.Version, input))).Ok);

        var sign = await AsAsync(Roles.Engineer, s => s.SignAsync(service.Id, service.Version, Signature));
        var update = await AsAsync(Roles.Engineer, async s => await s.UpdateAsync(service.Id, service.Version, await InputAsync("70.00")));

        Assert.Equal("ConcurrencyConflict", sign.Errors[""]);
        Assert.Equal("ConcurrencyConflict", update.Errors[""]);
        await using var db = await factory.CreateDbContextAsync();
        var saved = await db.PaidServices.AsNoTracking().SingleAsync();
        Assert.Equal(90.00m, saved.Price);
        Assert.Null(saved.SignedAt);
    }

    [Fact]
    public async Task Delete_Unsigned_GoneAndOnTheAuditTrail()
    {
        var service = await RecordedAsync();

        var result = await AsAsync(Roles.Finance, s => s.DeleteAsync(service.Id, service.Version));

        Assert.True(result.Ok);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(0, await db.PaidServices.CountAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(PaidService) && a.EntityId == service.Id && a.Action == AuditAction.Deleted));
    }

    [Fact]
    public async Task MonthlyIssuer_SignedBilledExactlyOnce_UnsignedNever()
    {
        var signed = await RecordedAsync();
        var unsigned = await RecordedAsync();
        Assert.True((await AsAsync(Roles.Engineer, s => s.SignAsync(signed.Id, signed.Version, Signature))).Ok);
        var today = signed.ServiceDate;
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(1);

        await IssueAsync(month);
        await IssueAsync(month.AddMonths(1));

        await using var db = await factory.CreateDbContextAsync();
        var lines = await db.PaymentRequestLines.Where(l => l.Kind == RequestLineKind.PaidService).ToListAsync();
        var line = Assert.Single(lines);
        Assert.Equal(85.00m, line.Amount);
        var request = await db.PaymentRequests.SingleAsync(r => r.Id == line.PaymentRequestId);
        Assert.Equal((signed.UnitId, month), (request.UnitId, request.Month));
        Assert.Equal(request.Id, (await db.PaidServices.SingleAsync(s => s.Id == signed.Id)).PaymentRequestId);
        Assert.Null((await db.PaidServices.SingleAsync(s => s.Id == unsigned.Id)).PaymentRequestId);

        var rows = await AsAsync(Roles.Clerk, s => s.ForUnitAsync(signed.UnitId));
        Assert.Equal(PaidServiceState.Billed, rows.Single(r => r.Id == signed.Id).State);
        Assert.Equal(month, rows.Single(r => r.Id == signed.Id).BilledMonth);
        Assert.Equal(PaidServiceState.AwaitingSignature, rows.Single(r => r.Id == unsigned.Id).State);
    }

    [Fact]
    public async Task FindUnit_ByAddress_WithOccupants()
    {
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.AsNoTracking().Include(u => u.Building).Include(u => u.Occupants).FirstAsync(u => u.Occupants.Any());

        var found = await AsAsync(Roles.Clerk, s => s.FindUnitAsync($" {unit.Building!.Code}－{unit.Number} "));
        var missing = await AsAsync(Roles.Clerk, s => s.FindUnitAsync("99-9999"));

        Assert.NotNull(found);
        Assert.Equal((unit.Id, $"{unit.Building!.Code}-{unit.Number}"), (found.Id, found.Address));
        Assert.Equal(unit.Occupants.Select(o => o.Id).Order(), found.Occupants.Select(o => o.Id).Order());
        Assert.Null(missing);
    }

    private async Task IssueAsync(DateOnly month)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PaymentRequestIssuer>().IssueAsync(month, CancellationToken.None);
    }
}
