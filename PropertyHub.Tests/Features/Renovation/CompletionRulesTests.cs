using PropertyHub.Features.Renovation;

namespace PropertyHub.Tests.Features.Renovation;

public sealed class CompletionRulesTests
{
    [Theory]
    [InlineData(RenovationStatus.PermitIssued, true, 0, "NotInspected")]
    [InlineData(RenovationStatus.Completed, false, 0, "PermitNotReturned")]
    [InlineData(RenovationStatus.Completed, true, 1, "PassesNotReturned")]
    [InlineData(RenovationStatus.Settled, true, 0, "AlreadyRefunded")]
    [InlineData(RenovationStatus.Completed, true, 0, null)]
    public void Refund_OnlyOnceEverythingIsBack(RenovationStatus status, bool permitBack, int passesOut, string? error) =>
        Assert.Equal(error, CompletionRules.Refund(status, permitBack, passesOut, 2000m, 350m, 1650m));

    [Theory]
    [InlineData("2000.01", "RefundAboveDeposit")]
    [InlineData("1650.01", "RefundAboveBalance")]
    [InlineData("1650.00", null)]
    [InlineData("0", null)]
    public void Refund_NeverAboveTheDepositNorItsBalance(string amount, string? error) =>
        Assert.Equal(error, CompletionRules.Refund(RenovationStatus.Completed, true, 0, 2000m, 350m, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("墙面开裂", "100", 0, "Photos", "DamageNeedsPhotos")]
    [InlineData("墙面开裂", null, 1, "Charge", "ChargeRequired")]
    [InlineData(null, "100", 1, "Charge", "ChargeWithoutDamage")]
    public void Inspection_DamageNeedsChargeAndPhotos(string? damage, string? charge, int photos, string field, string key)
    {
        var input = new InspectionInput { Damage = damage, Charge = charge };

        Assert.Equal((field, key), CompletionRules.Inspection(RenovationStatus.PermitIssued, input, charge is null ? null : decimal.Parse(charge), null, photos));
    }

    [Fact]
    public void Inspection_NoDamageNoPhotos_Accepted() =>
        Assert.Null(CompletionRules.Inspection(RenovationStatus.PermitIssued, new InspectionInput { InOrder = [.. CompletionRules.Checklist] }, null, null, 0));

    [Theory]
    [InlineData("0", null)]
    [InlineData("0.01", "RefundAboveBalance")]
    public void Refund_ChargeAboveTheDeposit_SettlesItInFullWithNothingBack(string amount, string? error)
    {
        Assert.Equal(error, CompletionRules.Refund(RenovationStatus.Completed, true, 0, 1000m, 2500m, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal((0m, 1500m), (CompletionRules.Balance(1000m, 2500m), RenovationShortfall.Of(1000m, 2500m)));
    }

    [Fact]
    public void Gate_WrittenOffPass_WrittenOffNotReturned()
    {
        var pass = new WorkerPass { Number = "SG2026-000001-01", IssuedBy = "x", ValidFrom = new DateOnly(2026, 12, 1), ValidTo = new DateOnly(2026, 12, 31),
            ReturnedAt = DateTimeOffset.UnixEpoch, WriteOffReason = "Worker lost the card" };

        Assert.Equal(GateOutcome.WrittenOff, RenovationRules.Gate(pass, new DateOnly(2026, 12, 8)));
    }

    [Fact]
    public void Inspection_ItemUnmarkedOrMarkedBothWays_RefusedAsIncomplete()
    {
        var all = CompletionRules.Checklist;
        var oneUnmarked = new InspectionInput { InOrder = [.. all.Skip(1)] };
        var both = new InspectionInput { InOrder = [.. all], Failed = [all[0]] };
        var noneWithDamage = new InspectionInput { Damage = "墙面开裂", Charge = "100" };
        var marked = new InspectionInput { InOrder = [.. all.Skip(1)], Failed = [all[0]] };

        Assert.Equal(("Checklist", "ChecklistIncomplete"), CompletionRules.Inspection(RenovationStatus.PermitIssued, oneUnmarked, null, null, 0));
        Assert.Equal(("Checklist", "ChecklistIncomplete"), CompletionRules.Inspection(RenovationStatus.PermitIssued, both, null, null, 0));
        Assert.Equal(("Checklist", "ChecklistIncomplete"), CompletionRules.Inspection(RenovationStatus.PermitIssued, noneWithDamage, 100m, null, 1));
        Assert.Null(CompletionRules.Inspection(RenovationStatus.PermitIssued, marked, null, null, 0));
    }

    [Fact]
    public void Gate_ReturnedPass_Returned()
    {
        var pass = new WorkerPass { Number = "SG2026-000001-01", IssuedBy = "x", ValidFrom = new DateOnly(2026, 12, 7), ValidTo = new DateOnly(2026, 12, 11), ReturnedAt = DateTimeOffset.UnixEpoch };

        Assert.Equal(GateOutcome.Returned, RenovationRules.Gate(pass, new DateOnly(2026, 12, 8)));
    }

    [Fact]
    public void LastOldPermit_TheYearsHighestOldNumber() =>
        Assert.Equal(12, RenovationRules.LastOldPermit(["SG2026-000003", "SG2026-000012", "SG2025-000040"], 2026));
}
