using System.Globalization;
using System.Resources;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Tests.Features.ScheduledDuties;

/// <summary>/duties names and describes the renovation and move-in duties in each language, never by their code names.</summary>
public sealed class DutyNamesTests
{
    /// <summary>The renovation and move-in duties, listed by their raw names in the second renovation trial.</summary>
    public static TheoryData<string> Duties() =>
        [PropertyHub.Features.Renovation.RenovationDuty.DutyName, PropertyHub.Features.MoveIn.MoveInReminderDuty.DutyName,
            PropertyHub.Features.MoveIn.LateProxyServicesDuty.DutyName];

    [Theory]
    [MemberData(nameof(Duties))]
    public void EveryDuty_HasANameAndADescription_InEachLanguage(string duty)
    {
        var text = new ResourceManager("PropertyHub.Resources.DutiesText", typeof(IScheduledDuty).Assembly);
        foreach (var culture in new[] { "en", "zh-Hans", "zh-Hant" }.Select(CultureInfo.GetCultureInfo))
        {
            Assert.False(string.IsNullOrWhiteSpace(text.GetString($"Duty_{duty}_Name", culture)), $"{duty} has no name in {culture}");
            Assert.False(string.IsNullOrWhiteSpace(text.GetString($"Duty_{duty}_Description", culture)), $"{duty} has no description in {culture}");
        }
    }
}
