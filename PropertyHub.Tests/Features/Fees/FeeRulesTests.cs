using PropertyHub.Features.Fees;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.Fees;

public sealed class FeeRulesTests
{
    [Theory]
    [InlineData("2.80", 2.80)]
    [InlineData(" 2.8 ", 2.8)]
    [InlineData("０.６０", 0.60)]
    [InlineData("10元", 10)]
    [InlineData("0", 0)]
    public void ParseAmount_Valid_Read(string text, double expected)
    {
        var (amount, error) = FeeRules.ParseAmount(text);

        Assert.Null(error);
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("2,500.00", "2500.00", null)]
    [InlineData("1,234,567", null, "AmountTooLarge")]
    [InlineData("2,50", null, "AmountNotNumber")]
    [InlineData("12,3456", null, "AmountNotNumber")]
    [InlineData("350", "350", null)]
    public void ParseGroupedAmount_ThousandsInGroupsOfThree_ReadLikeTheFund(string text, string? expected, string? error) =>
        Assert.Equal((expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), error), FeeRules.ParseGroupedAmount(text));

    [Theory]
    [InlineData(null, "AmountRequired")]
    [InlineData("  ", "AmountRequired")]
    [InlineData("abc", "AmountNotNumber")]
    [InlineData("1,000", "AmountNotNumber")]
    [InlineData("1e3", "AmountNotNumber")]
    [InlineData("-0.01", "AmountNegative")]
    [InlineData("2.805", "AmountTooManyDecimals")]
    [InlineData("1000000.01", "AmountTooLarge")]
    public void ParseAmount_Invalid_SaysWhy(string? text, string expected)
    {
        var (amount, error) = FeeRules.ParseAmount(text);

        Assert.Null(amount);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("management", null)]
    [InlineData("refuse-2", null)]
    [InlineData("", "CodeRequired")]
    [InlineData("Management", "CodeInvalid")]
    [InlineData("物业费", "CodeInvalid")]
    [InlineData("-lead", "CodeInvalid")]
    public void Code_Checked(string code, string? expected) => Assert.Equal(expected, FeeRules.Code(code));

    [Theory]
    [InlineData(89.36, 2.80, 250.21)] // 250.208
    [InlineData(100.25, 0.60, 60.15)]
    [InlineData(0.5, 0.01, 0.01)] // 0.005 rounds away from zero (四舍五入)
    [InlineData(133.33, 2.35, 313.33)] // 313.3255
    public void Monthly_PerSquareMetre_RoundedHalfAwayFromZeroToTheFen(double area, double rate, double expected) =>
        Assert.Equal((decimal)expected, FeeCalculator.Monthly(FeeBasis.PerSquareMetre, (decimal)rate, (decimal)area));

    [Fact]
    public void Monthly_PerUnit_TheRateWhateverTheArea() =>
        Assert.Equal(10.00m, FeeCalculator.Monthly(FeeBasis.PerUnit, 10.00m, 250.5m));

    [Fact]
    public void RateOn_LatestEffectiveOnOrBeforeTheDay()
    {
        FeeRate[] rates =
        [
            new() { Use = UnitUse.Residential, Amount = 2.50m, EffectiveFrom = new(2025, 1, 1) },
            new() { Use = UnitUse.Residential, Amount = 2.80m, EffectiveFrom = new(2026, 7, 1) },
            new() { Use = UnitUse.Office, Amount = 4.50m, EffectiveFrom = new(2025, 1, 1) },
        ];

        Assert.Equal(2.50m, FeeCalculator.RateOn(rates, UnitUse.Residential, new(2026, 6, 30))!.Amount);
        Assert.Equal(2.80m, FeeCalculator.RateOn(rates, UnitUse.Residential, new(2026, 7, 1))!.Amount);
        Assert.Equal(4.50m, FeeCalculator.RateOn(rates, UnitUse.Office, new(2026, 7, 1))!.Amount);
        Assert.Null(FeeCalculator.RateOn(rates, UnitUse.Commercial, new(2026, 7, 1)));
        Assert.Null(FeeCalculator.RateOn(rates, UnitUse.Residential, new(2024, 12, 31)));
    }

    private static readonly FeeRate[] Changing =
    [
        new() { Use = UnitUse.Residential, Amount = 2.80m, EffectiveFrom = new(2026, 1, 1) },
        new() { Use = UnitUse.Residential, Amount = 3.10m, EffectiveFrom = new(2026, 12, 16) },
    ];

    [Fact]
    public void Prorated_RateChangesOnThe16th_TwoStretchesByDays()
    {
        var segments = FeeCalculator.Prorated(FeeBasis.PerSquareMetre, Changing, UnitUse.Residential, 100m, new(2026, 12, 1));

        // 280.00 × 15/31 = 135.4838… → 135.48; 310.00 × 16/31 = 160.00.
        Assert.Equal([(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 15), 135.48m), (new DateOnly(2026, 12, 16), new DateOnly(2026, 12, 31), 160.00m)],
            segments.Select(s => (s.From, s.To, s.Amount)));
    }

    [Fact]
    public void Prorated_WholeMonthUnderOneRate_ChargedInFull()
    {
        var november = FeeCalculator.Prorated(FeeBasis.PerSquareMetre, Changing, UnitUse.Residential, 89.36m, new(2026, 11, 1));
        var january = FeeCalculator.Prorated(FeeBasis.PerUnit, Changing, UnitUse.Residential, 89.36m, new(2027, 1, 1));

        Assert.Equal(250.21m, Assert.Single(november).Amount);
        Assert.Equal(3.10m, Assert.Single(january).Amount);
    }

    [Fact]
    public void Prorated_FirstRateStartsMidMonth_DaysBeforeAreNotCharged()
    {
        FeeRate[] rates = [new() { Use = UnitUse.Office, Amount = 30.00m, EffectiveFrom = new(2026, 2, 15) }];

        var february = FeeCalculator.Prorated(FeeBasis.PerUnit, rates, UnitUse.Office, 50m, new(2026, 2, 1));

        // 30.00 × 14/28 = 15.00 for 15–28 February; nothing before.
        Assert.Equal((new DateOnly(2026, 2, 15), 15.00m), (Assert.Single(february).From, february[0].Amount));
    }
}
