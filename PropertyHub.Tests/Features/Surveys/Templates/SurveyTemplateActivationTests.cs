using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Templates;
using static PropertyHub.Tests.Features.Surveys.Templates.TemplateTesting;

namespace PropertyHub.Tests.Features.Surveys.Templates;

/// <summary>Activating a template: the quarterly issue then uses it. Each test has its own database (activation is global).</summary>
public sealed class SurveyTemplateActivationTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Activate_SwitchesTheActiveTemplate_AndTheQuarterlyIssueUsesIt()
    {
        var standard = await factory.ActiveAsync();
        var template = await factory.NewTemplateAsync();
        var added = await factory.EditAsync(s => s.AddItemAsync(template.Id, template.Version, Draft(code: "parking", en: "Parking")));
        Assert.True(added.Saved);
        var fees = added.Template!.Items.Single(i => i.Code == "fees");
        Assert.True((await factory.EditAsync(s => s.SetArchivedAsync(fees.Id, fees.Version, archived: true))).Saved);
        var current = (await factory.EditAsync(s => s.GetAsync(template.Id)))!;

        var result = await factory.EditAsync(s => s.ActivateAsync(current.Id, current.Version));

        Assert.True(result.Saved);
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(template.Id, (await db.SurveyTemplates.SingleAsync(t => t.IsActive)).Id);
            Assert.False((await db.SurveyTemplates.SingleAsync(t => t.Id == standard.Id)).IsActive);
        }
        var issued = 0;
        await factory.WithScopeAsync(async sp => issued = await sp.GetRequiredService<SurveyIssuer>().IssueAsync(SurveyQuarter.Parse("2026-Q4"), default));
        Assert.True(issued > 0);
        int surveyId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var templateIds = await db.Surveys.Where(s => s.Quarter == "2026-Q4").Select(s => s.TemplateId).Distinct().ToListAsync();
            Assert.Equal(template.Id, Assert.Single(templateIds));
            surveyId = await db.Surveys.Where(s => s.Quarter == "2026-Q4").Select(s => s.Id).FirstAsync();
        }
        SurveyForm? form = null;
        await factory.WithScopeAsync(async sp => form = await sp.GetRequiredService<SurveyAnswers>().FormAsync(surveyId, "en"));
        List<string> expected = ["reception", "security", "cleaning", "greening", "repairs", "parking"];
        Assert.Equal(expected, form!.Items.Select(i => i.Code));
        Assert.Equal("Parking", form.Items[^1].Name);
    }

    [Fact]
    public async Task Activate_AnotherTemplate_LeavesExactlyOneActive()
    {
        var first = await factory.NewTemplateAsync();
        var second = await factory.NewTemplateAsync();

        Assert.True((await factory.EditAsync(s => s.ActivateAsync(first.Id, first.Version))).Saved);
        Assert.True((await factory.EditAsync(s => s.ActivateAsync(second.Id, second.Version))).Saved);

        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(second.Id, (await db.SurveyTemplates.SingleAsync(t => t.IsActive)).Id);
    }

    [Fact]
    public async Task ArchiveItem_LastAskedItemOfTheActiveTemplate_Refused()
    {
        var template = await factory.NewTemplateAsync();
        foreach (var item in template.Items.Skip(1))
            Assert.True((await factory.EditAsync(s => s.SetArchivedAsync(item.Id, item.Version, archived: true))).Saved);
        var current = await factory.EditAsync(s => s.GetAsync(template.Id));
        Assert.True((await factory.EditAsync(s => s.ActivateAsync(current!.Id, current.Version))).Saved);
        var last = template.Items[0];

        var result = await factory.EditAsync(s => s.SetArchivedAsync(last.Id, last.Version, archived: true));

        Assert.False(result.Saved);
        Assert.Equal("LastItemOfActive", result.Error);
        var stored = await factory.StoredAsync(template.Id);
        Assert.True(stored.IsActive);
        Assert.Equal([last.Code], stored.AskedCodes());
        Assert.Equal(last.Version, stored.Items.Single(i => i.Id == last.Id).Version);
    }
}
