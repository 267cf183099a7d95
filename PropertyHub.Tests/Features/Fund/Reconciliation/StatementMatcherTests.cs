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
}
