using System.Globalization;
using System.Reflection;
using System.Resources;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Tests.Features.ScheduledDuties;

/// <summary>/duties names and describes every duty in each language, never by its code name.</summary>
public sealed class DutyNamesTests
{
    public static TheoryData<string> Duties()
    {
        var names = new TheoryData<string>();
        foreach (var type in typeof(IScheduledDuty).Assembly.GetTypes().Where(t => typeof(IScheduledDuty).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }))
            names.Add((string)type.GetField("DutyName", BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!);
        return names;
    }

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
