namespace PropertyHub.Features.Repairs.Measures;

/// <summary>The figures behind the measures' charts for one grouping (engineers, categories or buildings).</summary>
/// <param name="Groups">The groups counted, in the table's order.</param>
/// <param name="Orders">Work orders raised, accepted, followed up and reworked, per group.</param>
/// <param name="RatedGroups">The groups with at least one accepted repair: only they have a follow-up and first-visit fix rate.</param>
/// <param name="FollowUpPercent">Followed up of those accepted, in percent (target 100), per rated group.</param>
/// <param name="FirstVisitFixPercent">Fixed on the first visit of those accepted, in percent, per rated group.</param>
/// <param name="Unrated">The groups with nothing accepted yet: named, not drawn as 0% (nor as 100%).</param>
public sealed record RepairMeasuresChart(string[] Groups, int[] Raised, int[] Accepted, int[] FollowedUp, int[] Reworks,
    string[] RatedGroups, double[] FollowUpPercent, double[] FirstVisitFixPercent, string[] Unrated)
{
    public static RepairMeasuresChart Of(IReadOnlyList<RepairMeasureRow> rows)
    {
        var rated = rows.Where(r => r.Accepted > 0).ToList();
        return new RepairMeasuresChart(
            [.. rows.Select(r => r.Group)], [.. rows.Select(r => r.Orders)], [.. rows.Select(r => r.Accepted)],
            [.. rows.Select(r => r.FollowedUp)], [.. rows.Select(r => r.Reworks)],
            [.. rated.Select(r => r.Group)], [.. rated.Select(r => Percent(r.FollowUpRate))], [.. rated.Select(r => Percent(r.FirstVisitFixRate))],
            [.. rows.Where(r => r.Accepted == 0).Select(r => r.Group)]);
    }

    private static double Percent(double? rate) => Math.Round((rate ?? 0) * 100, 1);
}
