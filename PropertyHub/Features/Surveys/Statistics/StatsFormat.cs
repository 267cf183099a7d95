using System.Globalization;

namespace PropertyHub.Features.Surveys.Statistics;

/// <summary>How the statistics page writes its numbers: shares as "72.5%", averages as "4.31".</summary>
public static class StatsFormat
{
    public static string Percent(double share) =>
        SurveyStatisticsExport.Percent(share).ToString("0.0", CultureInfo.CurrentCulture) + "%";

    public static string Average(decimal average) => average.ToString("0.00", CultureInfo.CurrentCulture);

    public static string Count(int count) => count.ToString(CultureInfo.CurrentCulture);
}
