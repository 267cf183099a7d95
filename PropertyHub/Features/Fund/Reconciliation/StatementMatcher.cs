namespace PropertyHub.Features.Fund.Reconciliation;

/// <summary>A line of the bank's statement: money in positive, money out negative.</summary>
public sealed record StatementItem(int Id, DateOnly Date, decimal Amount, string? Reference);

/// <summary>A posted ledger line as the bank sees it: receipts positive, paid expenditures negative (reversals the other way).</summary>
public sealed record LedgerItem(int Id, DateOnly Date, decimal Amount, string? Reference);

/// <summary>One statement line and the ledger line, or lines, it pays or receives.</summary>
public sealed record StatementMatch(int StatementId, IReadOnlyList<int> LedgerIds);

/// <summary>
/// Matches a month's statement lines to ledger lines automatically (P1§8.4), before Finance matches the rest by hand.
/// Rules: the same amount and direction (the sign), dates at most <c>windowDays</c> apart (both edges included), and
/// when both lines carry a reference, the same reference. One to one first: statement lines in date order (then id)
/// each take the unmatched candidate nearest in date, a same-reference one before others, then the lowest id — so two
/// equal amounts on the same day pair off in order and nothing is matched twice. Then one to many: a statement line
/// still unmatched whose reference is carried by several unmatched ledger lines of its direction inside the window
/// takes them all when they add up to its amount exactly (a bank paying one bank expense list in one transfer).
/// Pure and deterministic: the same lines give the same matches.
/// </summary>
public static class StatementMatcher
{
    public static IReadOnlyList<StatementMatch> Match(IReadOnlyList<StatementItem> statement, IReadOnlyList<LedgerItem> ledger, int windowDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(windowDays);
        // Candidates by amount and day: a line looks only at the days of its window, nearest first.
        var byAmountAndDay = new Dictionary<long, List<LedgerItem>>();
        foreach (var line in ledger)
        {
            var key = Key(line.Amount, line.Date.DayNumber);
            if (!byAmountAndDay.TryGetValue(key, out var same))
                byAmountAndDay[key] = same = [];
            same.Add(line);
        }
        var taken = new HashSet<int>();
        var matches = new List<StatementMatch>();
        var unmatched = new List<StatementItem>();
        foreach (var item in statement.OrderBy(s => s.Date).ThenBy(s => s.Id))
        {
            var best = Best(item, byAmountAndDay, windowDays);
            if (best is null)
            {
                unmatched.Add(item);
                continue;
            }
            taken.Add(best.Id);
            byAmountAndDay[Key(best.Amount, best.Date.DayNumber)].Remove(best);
            matches.Add(new StatementMatch(item.Id, [best.Id]));
        }
        if (unmatched.Count > 0)
            matches.AddRange(OneToMany(unmatched, ledger, taken, windowDays));
        return matches;
    }

    /// <summary>The untaken candidate nearest in date; at the same distance a same-reference one, then the lowest id.</summary>
    private static LedgerItem? Best(StatementItem item, Dictionary<long, List<LedgerItem>> byAmountAndDay, int windowDays)
    {
        for (var distance = 0; distance <= windowDays; distance++)
        {
            LedgerItem? best = null;
            (int ReferenceRank, int Id) bestKey = default;
            foreach (var day in distance == 0 ? [item.Date.DayNumber] : new[] { item.Date.DayNumber - distance, item.Date.DayNumber + distance })
            {
                if (!byAmountAndDay.TryGetValue(Key(item.Amount, day), out var candidates))
                    continue;
                foreach (var candidate in candidates)
                {
                    var referenceRank = ReferenceRank(item.Reference, candidate.Reference);
                    if (referenceRank < 0)
                        continue;
                    var key = (referenceRank, candidate.Id);
                    if (best is null || key.CompareTo(bestKey) < 0)
                        (best, bestKey) = (candidate, key);
                }
            }
            if (best is not null)
                return best;
        }
        return null;
    }

    /// <summary>Amount in fen and day in one number: amounts have two decimals, day numbers stay below a million until 2738.</summary>
    private static long Key(decimal amount, int dayNumber) => (long)(amount * 100m) * 1_000_000L + dayNumber;

    /// <summary>0: the same reference; 1: one of them has none; -1: two different references (never a match).</summary>
    private static int ReferenceRank(string? statement, string? ledger)
    {
        if (string.IsNullOrWhiteSpace(statement) || string.IsNullOrWhiteSpace(ledger))
            return 1;
        return string.Equals(statement.Trim(), ledger.Trim(), StringComparison.OrdinalIgnoreCase) ? 0 : -1;
    }

    private static IEnumerable<StatementMatch> OneToMany(List<StatementItem> unmatched, IReadOnlyList<LedgerItem> ledger, HashSet<int> taken, int windowDays)
    {
        var byReference = ledger.Where(l => !taken.Contains(l.Id) && !string.IsNullOrWhiteSpace(l.Reference))
            .GroupBy(l => l.Reference!.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(l => l.Date).ThenBy(l => l.Id).ToList(), StringComparer.OrdinalIgnoreCase);
        foreach (var item in unmatched)
        {
            if (string.IsNullOrWhiteSpace(item.Reference) || !byReference.TryGetValue(item.Reference.Trim(), out var group))
                continue;
            var parts = group.Where(l => !taken.Contains(l.Id) && Math.Sign(l.Amount) == Math.Sign(item.Amount)
                && Math.Abs(l.Date.DayNumber - item.Date.DayNumber) <= windowDays).ToList();
            if (parts.Count < 2 || parts.Sum(l => l.Amount) != item.Amount)
                continue;
            foreach (var part in parts)
                taken.Add(part.Id);
            yield return new StatementMatch(item.Id, [.. parts.Select(p => p.Id)]);
        }
    }
}
