using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
/// Pure and deterministic: the same lines give the same matches (ledger ids are unique).
/// </summary>
public static class StatementMatcher
{
    public static IReadOnlyList<StatementMatch> Match(IReadOnlyList<StatementItem> statement, IReadOnlyList<LedgerItem> ledger, int windowDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(windowDays);
        var shelves = new Shelves(ledger);
        var matches = new List<StatementMatch>(Math.Min(statement.Count, ledger.Count));
        List<StatementItem>? unmatched = null;
        foreach (var at in InDateOrder(statement))
        {
            var item = statement[at];
            var best = shelves.Best(item, windowDays);
            if (best < 0)
            {
                (unmatched ??= []).Add(item);
                continue;
            }
            shelves.Taken[best] = true;
            matches.Add(new StatementMatch(item.Id, [ledger[best].Id]));
        }
        if (unmatched is not null)
            OneToMany(unmatched, ledger, shelves, windowDays, matches);
        return matches;
    }

    /// <summary>The statement's positions in date order, then id, then the order given.</summary>
    private static int[] InDateOrder(IReadOnlyList<StatementItem> statement)
    {
        var keys = new long[statement.Count];
        var positions = new int[statement.Count];
        for (var i = 0; i < keys.Length; i++)
            (keys[i], positions[i]) = (((long)statement[i].Date.DayNumber << 32) | ((uint)statement[i].Id ^ 0x8000_0000u), i);
        Array.Sort(keys, positions);
        // Two lines of the same day and id (never from the database) keep the order they were given in.
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] != keys[i - 1])
                continue;
            var first = i - 1;
            while (i + 1 < keys.Length && keys[i + 1] == keys[first])
                i++;
            Array.Sort(positions, first, i - first + 1);
        }
        return positions;
    }

    /// <summary>Amount in fen and day in one number: amounts have two decimals, day numbers stay below a million until 2738.</summary>
    private static long Key(long fen, int dayNumber) => fen * 1_000_000L + dayNumber;

    /// <summary>
    /// The amount in fen, truncated: read from the decimal's own digits when it has at most two decimals (as amounts do),
    /// which is the same number as <c>(long)(amount * 100m)</c> without decimal arithmetic.
    /// </summary>
    private static long Fen(decimal amount)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var digits = ((long)bits[1] << 32) | (uint)bits[0];
        if (scale > 2 || bits[2] != 0 || bits[1] < 0 || digits > long.MaxValue / 100)
            return (long)(amount * 100m);
        var fen = scale == 2 ? digits : scale == 1 ? digits * 10 : digits * 100;
        return bits[3] < 0 ? -fen : fen;
    }

    /// <summary>The reference as compared: trimmed, or null when there is none (compared ignoring case).</summary>
    private static string? ReferenceOf(string? reference) => string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();

    /// <summary>The first and last ledger position of a chain of candidates, in id order.</summary>
    private struct Chain
    {
        public int First;
        public int Last;
    }

    /// <summary>
    /// The ledger's lines by amount and day, each chain in id order: all of them, those without a reference, and those of
    /// each reference. A taken line is stepped over (and dropped from the chain's start): a chain's first untaken line is
    /// its best candidate.
    /// </summary>
    private sealed class Shelves
    {
        private readonly Dictionary<long, Chain> all;
        private readonly Dictionary<long, Chain> unreferenced;
        private readonly Dictionary<(long Key, int Reference), Chain> referenced;
        private readonly Dictionary<string, int> references;
        private readonly int[] nextOfAll;
        private readonly int[] nextOfOwn;
        private readonly IReadOnlyList<LedgerItem> ledger;

        public readonly bool[] Taken;

        /// <summary>Each ledger line's reference as compared, by position.</summary>
        public readonly string?[] References;

        public Shelves(IReadOnlyList<LedgerItem> ledger)
        {
            this.ledger = ledger;
            var count = ledger.Count;
            Taken = new bool[count];
            References = new string?[count];
            nextOfAll = new int[count];
            nextOfOwn = new int[count];
            var ids = new int[count];
            var positions = new int[count];
            var withReference = 0;
            for (var i = 0; i < count; i++)
            {
                (ids[i], positions[i]) = (ledger[i].Id, i);
                if ((References[i] = ReferenceOf(ledger[i].Reference)) is not null)
                    withReference++;
            }
            Array.Sort(ids, positions);
            all = new(count);
            unreferenced = new(count - withReference);
            referenced = new(withReference);
            references = new(withReference, StringComparer.OrdinalIgnoreCase);
            foreach (var at in positions)
            {
                var line = ledger[at];
                var key = Key(Fen(line.Amount), line.Date.DayNumber);
                Append(all, key, at, nextOfAll);
                if (References[at] is not { } reference)
                {
                    Append(unreferenced, key, at, nextOfOwn);
                    continue;
                }
                ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(references, reference, out var known);
                if (!known)
                    number = references.Count - 1;
                Append(referenced, (key, number), at, nextOfOwn);
            }
        }

        private static void Append<TKey>(Dictionary<TKey, Chain> chains, TKey key, int at, int[] next) where TKey : notnull
        {
            next[at] = -1;
            ref var chain = ref CollectionsMarshal.GetValueRefOrAddDefault(chains, key, out var exists);
            if (exists)
                next[chain.Last] = at;
            else
                chain.First = at;
            chain.Last = at;
        }

        /// <summary>
        /// The position of the untaken candidate nearest in date, or -1; at the same distance (the day before or after)
        /// a same-reference one, then the lowest id.
        /// </summary>
        public int Best(StatementItem item, int windowDays)
        {
            var fen = Fen(item.Amount);
            var day = item.Date.DayNumber;
            var reference = ReferenceOf(item.Reference);
            // A different reference never matches: a line with one looks at its own reference's chains and the unreferenced.
            var number = -1;
            if (reference is not null && !references.TryGetValue(reference, out number))
                number = -1;
            for (var distance = 0; distance <= windowDays; distance++)
            {
                var (before, after) = (Key(fen, day - distance), Key(fen, day + distance));
                int best;
                if (reference is null)
                    best = Lowest(all, before, after, distance, nextOfAll);
                else
                {
                    best = number < 0 ? -1 : Lowest(referenced, (before, number), (after, number), distance, nextOfOwn);
                    if (best < 0)
                        best = Lowest(unreferenced, before, after, distance, nextOfOwn);
                }
                if (best >= 0)
                    return best;
            }
            return -1;
        }

        /// <summary>The lower-id first untaken line of the two days' chains (one day at distance 0).</summary>
        private int Lowest<TKey>(Dictionary<TKey, Chain> chains, TKey before, TKey after, int distance, int[] next) where TKey : notnull
        {
            var first = First(chains, before, next);
            if (distance == 0)
                return first;
            var second = First(chains, after, next);
            if (first < 0)
                return second;
            return second < 0 || ledger[first].Id <= ledger[second].Id ? first : second;
        }

        private int First<TKey>(Dictionary<TKey, Chain> chains, TKey key, int[] next) where TKey : notnull
        {
            ref var chain = ref CollectionsMarshal.GetValueRefOrNullRef(chains, key);
            if (Unsafe.IsNullRef(ref chain))
                return -1;
            while (chain.First >= 0 && Taken[chain.First])
                chain.First = next[chain.First];
            return chain.First;
        }
    }

    private static void OneToMany(List<StatementItem> unmatched, IReadOnlyList<LedgerItem> ledger, Shelves shelves, int windowDays, List<StatementMatch> matches)
    {
        // Only the references a still unmatched statement line carries; each group in date order, then id.
        var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in unmatched)
        {
            if (ReferenceOf(item.Reference) is { } reference)
                wanted.Add(reference);
        }
        if (wanted.Count == 0)
            return;
        var byReference = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var at = 0; at < ledger.Count; at++)
        {
            if (shelves.Taken[at] || shelves.References[at] is not { } reference || !wanted.Contains(reference))
                continue;
            if (!byReference.TryGetValue(reference, out var group))
                byReference[reference] = group = [];
            group.Add(at);
        }
        foreach (var group in byReference.Values)
            group.Sort((a, b) => ledger[a].Date != ledger[b].Date ? ledger[a].Date.CompareTo(ledger[b].Date) : ledger[a].Id.CompareTo(ledger[b].Id));
        foreach (var item in unmatched)
        {
            if (ReferenceOf(item.Reference) is not { } reference || !byReference.TryGetValue(reference, out var group))
                continue;
            var parts = group.Where(at => !shelves.Taken[at] && Math.Sign(ledger[at].Amount) == Math.Sign(item.Amount)
                && Math.Abs(ledger[at].Date.DayNumber - item.Date.DayNumber) <= windowDays).ToList();
            if (parts.Count < 2 || parts.Sum(at => ledger[at].Amount) != item.Amount)
                continue;
            foreach (var at in parts)
                shelves.Taken[at] = true;
            matches.Add(new StatementMatch(item.Id, [.. parts.Select(at => ledger[at].Id)]));
        }
    }
}
