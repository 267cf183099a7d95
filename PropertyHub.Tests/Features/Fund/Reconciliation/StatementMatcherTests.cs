using PropertyHub.Features.Fund.Reconciliation;

namespace PropertyHub.Tests.Features.Fund.Reconciliation;

/// <summary>The automatic matching rules at their edges.</summary>
public sealed class StatementMatcherTests
{
    private static readonly DateOnly Day = new(2026, 3, 10);

    private static StatementItem Bank(int id, decimal amount, int day = 0, string? reference = null) => new(id, Day.AddDays(day), amount, reference);

    private static LedgerItem Book(int id, decimal amount, int day = 0, string? reference = null) => new(id, Day.AddDays(day), amount, reference);

    /// <summary>"statement:ledger,ledger" per match, in statement order.</summary>
    private static List<string> Pairs(IReadOnlyList<StatementMatch> matches) =>
        [.. matches.OrderBy(m => m.StatementId).Select(m => $"{m.StatementId}:{string.Join(",", m.LedgerIds)}")];

    [Theory]
    [InlineData(3, true)]
    [InlineData(-3, true)]
    [InlineData(4, false)]
    [InlineData(-4, false)]
    public void DateWindow_BothEdgesIncluded_OneDayPastIsNot(int ledgerDay, bool matched)
    {
        var matches = StatementMatcher.Match([Bank(1, 500m)], [Book(10, 500m, ledgerDay)], windowDays: 3);

        Assert.Equal(matched, matches.Count == 1);
    }

    [Fact]
    public void WindowZero_OnlyTheSameDay()
    {
        var matches = StatementMatcher.Match([Bank(1, 500m)], [Book(10, 500m, 1), Book(11, 500m)], windowDays: 0);

        Assert.Equal(["1:11"], Pairs(matches));
    }

    [Fact]
    public void Direction_MoneyInNeverMatchesMoneyOutOfTheSameSize()
    {
        var matches = StatementMatcher.Match([Bank(1, 500m)], [Book(10, -500m)], windowDays: 3);

        Assert.Empty(matches);
    }

    [Fact]
    public void Amount_OneFenApart_NotMatched()
    {
        var matches = StatementMatcher.Match([Bank(1, -1200.00m)], [Book(10, -1200.01m)], windowDays: 3);

        Assert.Empty(matches);
    }

    [Fact]
    public void EqualAmountsOnTheSameDay_PairOffInOrder_NoLineTwice()
    {
        var matches = StatementMatcher.Match(
            [Bank(2, 300m), Bank(1, 300m), Bank(3, 300m)],
            [Book(11, 300m), Book(10, 300m)], windowDays: 3);

        Assert.Equal(["1:10", "2:11"], Pairs(matches));
    }

    [Fact]
    public void NearestDateWins_OverAnEarlierLine()
    {
        var matches = StatementMatcher.Match([Bank(1, 800m, 2)], [Book(10, 800m, 0), Book(11, 800m, 2)], windowDays: 3);

        Assert.Equal(["1:11"], Pairs(matches));
    }

    [Fact]
    public void Reference_SameOneIsPreferred_ADifferentOneNeverMatches_AMissingOneMay()
    {
        var preferred = StatementMatcher.Match([Bank(1, -800m, 0, "BK7")], [Book(10, -800m, 0), Book(11, -800m, 0, "bk7")], windowDays: 3);
        var different = StatementMatcher.Match([Bank(1, -800m, 0, "BK7")], [Book(10, -800m, 0, "BK8")], windowDays: 3);
        var missing = StatementMatcher.Match([Bank(1, -800m, 0, "BK7")], [Book(10, -800m, 1)], windowDays: 3);

        Assert.Equal(["1:11"], Pairs(preferred));
        Assert.Empty(different);
        Assert.Equal(["1:10"], Pairs(missing));
    }

    [Fact]
    public void OneToMany_OneTransferPaysSeveralLinesOfTheSameReference()
    {
        var matches = StatementMatcher.Match(
            [Bank(1, -3500m, 1, "ZJ2026-003")],
            [Book(10, -1200m, 0, "ZJ2026-003"), Book(11, -2300m, 0, "ZJ2026-003"), Book(12, -999m, 0, "ZJ2026-004")], windowDays: 3);

        Assert.Equal(["1:10,11"], Pairs(matches));
    }

    [Fact]
    public void OneToMany_SumOffByOneFen_OrOutsideTheWindow_NotMatched()
    {
        var offByOneFen = StatementMatcher.Match([Bank(1, -3500.01m, 0, "ZJ1")], [Book(10, -1200m, 0, "ZJ1"), Book(11, -2300m, 0, "ZJ1")], windowDays: 3);
        var outside = StatementMatcher.Match([Bank(1, -3500m, 0, "ZJ1")], [Book(10, -1200m, 0, "ZJ1"), Book(11, -2300m, 4, "ZJ1")], windowDays: 3);

        Assert.Empty(offByOneFen);
        Assert.Empty(outside);
    }

    [Fact]
    public void OneToOneFirst_ALineTakenOneToOneIsNotPartOfAManyMatch()
    {
        var matches = StatementMatcher.Match(
            [Bank(1, -1200m, 0, "ZJ1"), Bank(2, -3500m, 0, "ZJ1")],
            [Book(10, -1200m, 0, "ZJ1"), Book(11, -2300m, 0, "ZJ1")], windowDays: 3);

        Assert.Equal(["1:10"], Pairs(matches));
    }

    [Fact]
    public void SameLines_SameMatches_WhateverTheirOrder()
    {
        StatementItem[] statement = [Bank(1, 100m), Bank(2, 100m, 1), Bank(3, -50m, 2, "R")];
        LedgerItem[] ledger = [Book(10, 100m, 1), Book(11, 100m), Book(12, -50m, 2, "R")];

        var forward = Pairs(StatementMatcher.Match(statement, ledger, 3));
        var backward = Pairs(StatementMatcher.Match([.. statement.Reverse()], [.. ledger.Reverse()], 3));

        Assert.Equal(forward, backward);
        Assert.Equal(["1:11", "2:10", "3:12"], forward);
    }

    [Fact]
    public void SameDistance_ASameReferenceLineOnTheOtherSideWins_ThenTheLowestIdOfBothDays()
    {
        var reference = StatementMatcher.Match([Bank(1, -800m, 0, " bk7 ")], [Book(10, -800m, -2), Book(11, -800m, 2, "BK7")], windowDays: 3);
        var lowestId = StatementMatcher.Match([Bank(1, -800m)], [Book(12, -800m, -2), Book(11, -800m, 2, "BK9")], windowDays: 3);

        Assert.Equal(["1:11"], Pairs(reference));
        Assert.Equal(["1:11"], Pairs(lowestId));
    }

    [Fact]
    public void EarlierStatementLinesChooseFirst_ATakenLineIsSteppedOver()
    {
        var matches = StatementMatcher.Match(
            [Bank(3, 300m, 1), Bank(2, 300m, 0), Bank(1, 300m, 1)],
            [Book(20, 300m, 1), Book(21, 300m, 0), Book(22, 300m, 3)], windowDays: 3);

        // 2 (day 0) takes 21 (same day); then 1 and 3 (day 1) in id order: 20 on their day, then 22 two days on.
        Assert.Equal(["1:20", "2:21", "3:22"], Pairs(matches));
    }

    /// <summary>
    /// The rules written the plain way (every statement line, in date order then id, looks at every ledger line) give
    /// the same matches as the matcher on many small random months with repeated amounts, days, ids and references.
    /// </summary>
    [Fact]
    public void RandomMonths_SameMatchesAsTheRulesWrittenPlainly()
    {
        var random = new Random(20261205);
        // The same amounts written with other scales too (100 = 100.00, -50 = -50.0): an amount is compared by its value.
        decimal[] amounts = [100m, -100m, 50m, -50m, 150m, -150m, 100.00m, -50.0m, 150.5m, -150.50m];
        string?[] references = [null, null, "A", " a ", "B", "  "];
        for (var round = 0; round < 3000; round++)
        {
            var statement = Enumerable.Range(0, random.Next(0, 10))
                .Select(i => Bank(random.Next(1, 20), amounts[random.Next(amounts.Length)], random.Next(0, 8), references[random.Next(references.Length)])).ToList();
            var ledger = Enumerable.Range(0, random.Next(0, 10))
                .Select(i => Book(random.Next(2) == 0 ? 200 - i : 100 + i * 3, amounts[random.Next(amounts.Length)], random.Next(0, 8), references[random.Next(references.Length)])).ToList();
            var window = random.Next(0, 4);

            var matched = StatementMatcher.Match(statement, ledger, window).Select(m => $"{m.StatementId}:{string.Join(",", m.LedgerIds)}").Order();

            Assert.Equal(Plainly(statement, ledger, window).Order(), matched);
        }
    }

    private static List<string> Plainly(List<StatementItem> statement, List<LedgerItem> ledger, int window)
    {
        static string? Reference(string? r) => string.IsNullOrWhiteSpace(r) ? null : r.Trim().ToUpperInvariant();
        static int Rank(string? a, string? b) => Reference(a) is null || Reference(b) is null ? 1 : Reference(a) == Reference(b) ? 0 : -1;
        var taken = new HashSet<int>();
        var found = new List<string>();
        var rest = new List<StatementItem>();
        foreach (var line in statement.OrderBy(s => s.Date).ThenBy(s => s.Id))
        {
            var best = ledger.Where(l => !taken.Contains(l.Id) && l.Amount == line.Amount && Rank(line.Reference, l.Reference) >= 0
                    && Math.Abs(l.Date.DayNumber - line.Date.DayNumber) <= window)
                .OrderBy(l => Math.Abs(l.Date.DayNumber - line.Date.DayNumber)).ThenBy(l => Rank(line.Reference, l.Reference)).ThenBy(l => l.Id)
                .FirstOrDefault();
            if (best is null)
                rest.Add(line);
            else
            {
                taken.Add(best.Id);
                found.Add($"{line.Id}:{best.Id}");
            }
        }
        foreach (var line in rest.Where(r => Reference(r.Reference) is not null))
        {
            var parts = ledger.Where(l => !taken.Contains(l.Id) && Reference(l.Reference) == Reference(line.Reference)
                    && Math.Sign(l.Amount) == Math.Sign(line.Amount) && Math.Abs(l.Date.DayNumber - line.Date.DayNumber) <= window)
                .OrderBy(l => l.Date).ThenBy(l => l.Id).ToList();
            if (parts.Count < 2 || parts.Sum(l => l.Amount) != line.Amount)
                continue;
            taken.UnionWith(parts.Select(p => p.Id));
            found.Add($"{line.Id}:{string.Join(",", parts.Select(p => p.Id))}");
        }
        return found;
    }
}
