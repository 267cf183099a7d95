using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.Fees.Disclosures;

public sealed partial class DisclosureService
{
    /// <summary>What drawing a fund statement's lines again found: nothing new, only months' reconciliation states, or other figures.</summary>
    private enum FundRefresh
    {
        Same,
        MonthStates,
        Figures,
    }

    /// <summary>
    /// Draws a fund statement's lines (loaded on <paramref name="db"/>) again from the ledger and the reconciliation, so
    /// that what is approved and published is true on the day: a month closed since the draft shows as closed. Anything
    /// new replaces the lines; the answer says whether figures other than the months' states changed. A fees statement,
    /// or one whose account is gone, is left as it is.
    /// </summary>
    private async Task<FundRefresh> RefreshFundLinesAsync(AppDbContext db, Disclosure d, CancellationToken ct)
    {
        if (d.FundAccountId is not { } accountId || await fund.LinesAsync(db, accountId, HalfYear.Parse(d.HalfYear), ct) is not { } fresh)
            return FundRefresh.Same;
        var (was, now) = (Shape(d.Lines), Shape(fresh));
        if (was.SequenceEqual(now))
            return FundRefresh.Same;
        var figures = !was.Where(l => l.Kind != DisclosureLineKind.Month).SequenceEqual(now.Where(l => l.Kind != DisclosureLineKind.Month));
        db.RemoveRange(d.Lines);
        d.Lines.Clear();
        d.Lines.AddRange(fresh);
        // The statement itself is saved too, so its version guards its lines.
        db.Entry(d).State = EntityState.Modified;
        return figures ? FundRefresh.Figures : FundRefresh.MonthStates;
    }

    private static List<(DisclosureLineKind Kind, string Category, decimal Amount, string? Note)> Shape(IEnumerable<DisclosureLine> lines) =>
        [.. lines.OrderBy(l => l.Order).Select(l => (l.Kind, l.Category, l.Amount, l.Note))];
}
