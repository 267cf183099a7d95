namespace PropertyHub.Features.Surveys.Statistics;

/// <summary>Shares and averages of counts; an empty quarter gives zeros, never a division by zero.</summary>
public static class StatsMath
{
    public static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    /// <summary>The average score to two decimals.</summary>
    public static decimal Average(long sum, int count) =>
        count == 0 ? 0m : Math.Round((decimal)sum / count, 2, MidpointRounding.AwayFromZero);
}

/// <summary>An estate and a quarter's evaluation results (P1§11.2).</summary>
public sealed record SurveyStats(
    int EstateId,
    SurveyQuarter Quarter,
    int Issued,
    int Answered,
    int AnsweredOnline,
    int AnsweredPaper,
    IReadOnlyList<ItemStats> Items,
    IReadOnlyList<BuildingStats> Buildings,
    SurveyTrend Trend,
    IReadOnlyList<DissatisfiedAnswer> Dissatisfied)
{
    public double ResponseRate => StatsMath.Ratio(Answered, Issued);

    /// <summary>All scores of the quarter, every item together.</summary>
    public int Scores => Items.Sum(i => i.Answers);

    public decimal AverageScore => StatsMath.Average(Items.Sum(i => i.ScoreSum), Scores);

    public double ShareSatisfied => StatsMath.Ratio(Items.Sum(i => i.Satisfied), Scores);
}

/// <summary>One item's scores in the quarter; <see cref="Satisfied"/> counts scores of 4 or 5.</summary>
public sealed record ItemStats(int ItemId, string Code, string Name, int Answers, int Online, int Paper, long ScoreSum, int Satisfied, int Dissatisfied)
{
    public decimal AverageScore => StatsMath.Average(ScoreSum, Answers);

    public double ShareSatisfied => StatsMath.Ratio(Satisfied, Answers);
}

/// <summary>One building's forms and scores (all items together) in the quarter.</summary>
public sealed record BuildingStats(int BuildingId, string Code, string Name, int Issued, int Answered, int Scores, long ScoreSum, int Satisfied)
{
    public double ResponseRate => StatsMath.Ratio(Answered, Issued);

    public decimal AverageScore => StatsMath.Average(ScoreSum, Scores);

    public double ShareSatisfied => StatsMath.Ratio(Satisfied, Scores);
}

/// <summary>The last quarters, oldest first, and the items they are charted by.</summary>
public sealed record SurveyTrend(IReadOnlyList<TrendItem> Items, IReadOnlyList<TrendQuarter> Quarters);

public sealed record TrendItem(int ItemId, string Code, string Name);

public sealed record TrendQuarter(SurveyQuarter Quarter, int Issued, int Answered, int Scores, int Satisfied, IReadOnlyDictionary<int, ItemShare> Items)
{
    public double ResponseRate => StatsMath.Ratio(Answered, Issued);

    public double ShareSatisfied => StatsMath.Ratio(Satisfied, Scores);

    /// <summary>The item's share satisfied in this quarter (0 when it had no answers).</summary>
    public double ShareSatisfiedOf(int itemId) => Items.TryGetValue(itemId, out var share) ? share.ShareSatisfied : 0;
}

public sealed record ItemShare(int Answers, int Satisfied)
{
    public double ShareSatisfied => StatsMath.Ratio(Satisfied, Answers);
}

/// <summary>One item scored 1 or 2 on an answered form, with its rectification's status (none when there is none).</summary>
public sealed record DissatisfiedAnswer(
    int SurveyId,
    string Quarter,
    string Unit,
    string BuildingCode,
    string Item,
    int Score,
    string? Comment,
    string? Suggestion,
    DateTimeOffset? AnsweredAt,
    string? AnsweredVia,
    RectificationStatus? Rectification);

public sealed record StatsEstate(int Id, string Name);
