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

    /// <summary>One stretch of a month under one rate.</summary>
    public sealed record Segment(FeeRate Rate, DateOnly From, DateOnly To, decimal Amount)
    {
        public int Days => To.DayNumber - From.DayNumber + 1;
    }

    /// <summary>
    /// The month's charge of an item for a unit, split where a rate takes effect inside the month: each stretch is
    /// charged its share of the month by days (rate × area × days ÷ days in month), rounded to the fen. A month under
    /// one rate is one stretch charged in full. Days before the item's first rate are not charged. The month is split
    /// as well on each of <paramref name="breaks"/> inside it (the days a new owner owns the unit from), so each
    /// owner is charged their own days.
    /// </summary>
    public static IReadOnlyList<Segment> Prorated(FeeBasis basis, IEnumerable<FeeRate> rates, Registry.UnitUse use, decimal area, DateOnly month,
        IEnumerable<DateOnly>? breaks = null)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var forUse = rates.Where(r => r.Use == use).ToList();
        var starts = forUse.Select(r => r.EffectiveFrom).Concat(breaks ?? []).Where(d => d > first && d <= last)
            .Prepend(first).Distinct().Order().ToList();
        var segments = new List<Segment>();
        for (var i = 0; i < starts.Count; i++)
        {
            var from = starts[i];
            var to = i + 1 < starts.Count ? starts[i + 1].AddDays(-1) : last;
            if (RateOn(forUse, use, from) is not { } rate)
                continue;
            var full = basis == FeeBasis.PerSquareMetre ? rate.Amount * area : rate.Amount;
            var days = to.DayNumber - from.DayNumber + 1;
            segments.Add(new Segment(rate, from, to, Round(days == last.Day ? full : full * days / last.Day)));
        }
        return segments;
    }

    /// <summary>The rate in force on <paramref name="day"/>: the latest one effective on or before it, or null.</summary>
    public static FeeRate? RateOn(IEnumerable<FeeRate> rates, Registry.UnitUse use, DateOnly day) =>
        rates.Where(r => r.Use == use && r.EffectiveFrom <= day).MaxBy(r => r.EffectiveFrom);
}
