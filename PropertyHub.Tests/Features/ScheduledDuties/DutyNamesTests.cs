using System.Globalization;
using System.Reflection;
using System.Resources;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Tests.Features.ScheduledDuties;

/// <summary>/duties names and describes every duty in each language, never by its code name.</summary>
public sealed class DutyNamesTests
{
    /// <summary>Every scheduled duty of the app (each names itself by a DutyName constant); the renovation and move-in
    /// ones were listed by their raw names in the second renovation trial, the repairs' one after it.</summary>
    public static TheoryData<string> Duties()
    {
        var names = typeof(IScheduledDuty).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IScheduledDuty).IsAssignableFrom(t))
            .Select(t => t.GetField("DutyName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string)
            .ToList();
        Assert.DoesNotContain(null, names);
        Assert.True(names.Count >= 12, $"{names.Count} duties found");
        return [.. names.Select(n => n!)];
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
