namespace PropertyHub.Features.Fees;

/// <summary>The month's charge of a fee item for a unit, rounded half away from zero to the fen (四舍五入).</summary>
public static class FeeCalculator
{
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static decimal Monthly(FeeBasis basis, decimal rate, decimal area) => basis switch
    {
        FeeBasis.PerSquareMetre => Round(rate * area),
        _ => Round(rate),
    };

    /// <summary>The rate in force on <paramref name="day"/>: the latest one effective on or before it, or null.</summary>
    public static FeeRate? RateOn(IEnumerable<FeeRate> rates, Registry.UnitUse use, DateOnly day) =>
        rates.Where(r => r.Use == use && r.EffectiveFrom <= day).MaxBy(r => r.EffectiveFrom);
}
