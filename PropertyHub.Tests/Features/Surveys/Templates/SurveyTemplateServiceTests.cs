using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Templates;
using static PropertyHub.Tests.Features.Surveys.Templates.TemplateTesting;

namespace PropertyHub.Tests.Features.Surveys.Templates;

/// <summary>The manager's editor of the evaluation form: templates, items, their order and archiving.</summary>
public sealed class SurveyTemplateServiceTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Create_CopiesTheActiveTemplatesAskedItems_AndStaysInactive()
    {
        var active = await factory.ActiveAsync();

        var created = await factory.NewTemplateAsync();

        var stored = await factory.StoredAsync(created.Id);
        Assert.False(stored.IsActive);
        Assert.Equal(active.AskedCodes(), stored.AskedCodes());
        Assert.All(stored.Items, i => Assert.DoesNotContain(active.Items, a => a.Id == i.Id));
        Assert.Equal(active.Id, (await factory.ActiveAsync()).Id);
    }

    [Fact]
    public async Task AddItem_Valid_IsSavedLastWithTrimmedNamesAndAudited()
    {
        var template = await factory.NewTemplateAsync();

        var result = await factory.EditAsync(s => s.AddItemAsync(template.Id, template.Version,
            Draft(code: " parking ", hans: " 停车管理 ", en: "Parking ", department: Department.Security)));

        Assert.True(result.Saved);
        var stored = await factory.StoredAsync(template.Id);
        var item = stored.Items.Single(i => i.Code == "parking");
        Assert.Equal(("停车管理", "停車管理", "Parking"), (item.NameHans, item.NameHant, item.NameEn));
        Assert.Equal(Department.Security, item.Department);
        Assert.False(item.IsArchived);
        Assert.Equal("parking", stored.AskedCodes()[^1]);
        Assert.Equal(template.Version + 1, stored.Version);
        Assert.Equal("parking", result.Template!.Items[^1].Code);
        await using var db = await factory.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SurveyItem) && a.EntityId == item.Id && a.Action == AuditAction.Created));
    }

    [Fact]
    public async Task AddItem_DuplicateCode_RefusedAndNothingWritten()
    {
        var template = await factory.NewTemplateAsync();
        var existing = template.Items[0].Code;

        var result = await factory.EditAsync(s => s.AddItemAsync(template.Id, template.Version, Draft(code: existing)));

        Assert.False(result.Saved);
        Assert.Equal("CodeTaken", result.FieldErrors[SurveyItemRules.CodeField]);
        await AssertUnchangedAsync(template);
    }

    [Theory]
    [InlineData("", "CodeRequired")]
    [InlineData("Parking", "CodeInvalid")]
    [InlineData("car park", "CodeInvalid")]
    [InlineData("car_park", "CodeInvalid")]
    [InlineData("停车", "CodeInvalid")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789", "CodeTooLong")]
    public async Task AddItem_BadCode_RefusedWithMessageAndNothingWritten(string code, string expected)
    {
        var template = await factory.NewTemplateAsync();

        var result = await factory.EditAsync(s => s.AddItemAsync(template.Id, template.Version, Draft(code: code)));

        Assert.False(result.Saved);
        Assert.Equal(expected, result.FieldErrors[SurveyItemRules.CodeField]);
        await AssertUnchangedAsync(template);
    }

    [Theory]
    [InlineData(SurveyItemRules.NameHansField, "", "NameRequired")]
    [InlineData(SurveyItemRules.NameHantField, "   ", "NameRequired")]
    [InlineData(SurveyItemRules.NameEnField, null, "NameRequired")]
    [InlineData(SurveyItemRules.NameEnField, "x", "NameTooLong")]
    public async Task AddItem_MissingOrLongName_RefusedWithMessageAndNothingWritten(string field, string? name, string expected)
    {
        var template = await factory.NewTemplateAsync();
        var draft = Draft();
        name = expected == "NameTooLong" ? new string('x', 101) : name;
        switch (field)
        {
            case SurveyItemRules.NameHansField: draft.NameHans = name; break;
            case SurveyItemRules.NameHantField: draft.NameHant = name; break;
            default: draft.NameEn = name; break;
        }

        var result = await factory.EditAsync(s => s.AddItemAsync(template.Id, template.Version, draft));

        Assert.False(result.Saved);
        Assert.Equal(expected, Assert.Single(result.FieldErrors).Value);
        Assert.Equal(field, result.FieldErrors.Keys.Single());
        await AssertUnchangedAsync(template);
    }

    [Fact]
    public async Task EditItem_ChangesNamesAndDepartment_KeepsCodeAndBumpsVersion()
    {
        var template = await factory.NewTemplateAsync();
        var item = template.Items[0];

        var result = await factory.EditAsync(s => s.EditItemAsync(item.Id, item.Version,
            Draft(code: "ignored", hans: "前台接待", hant: "前台接待", en: "Front desk", department: Department.Property)));

        Assert.True(result.Saved);
        var stored = (await factory.StoredAsync(template.Id)).Items.Single(i => i.Id == item.Id);
        Assert.Equal(item.Code, stored.Code);
        Assert.Equal(("前台接待", "前台接待", "Front desk", Department.Property), (stored.NameHans, stored.NameHant, stored.NameEn, stored.Department));
        Assert.Equal(item.Version + 1, stored.Version);
    }

    [Fact]
    public async Task EditItem_EmptyName_RefusedAndNothingWritten()
    {
        var template = await factory.NewTemplateAsync();
        var item = template.Items[0];

        var result = await factory.EditAsync(s => s.EditItemAsync(item.Id, item.Version, Draft(hant: "")));

        Assert.Equal("NameRequired", result.FieldErrors[SurveyItemRules.NameHantField]);
        await AssertUnchangedAsync(template);
    }

    [Fact]
    public async Task MoveItem_UpAndDown_ChangesTheOrderTheFormAsks()
    {
        var template = await factory.NewTemplateAsync();
        var codes = template.Items.Select(i => i.Code).ToList();
        var second = template.Items[1];

        Assert.True((await factory.EditAsync(s => s.MoveItemAsync(second.Id, second.Version, up: true))).Saved);

        List<string> upOnce = [codes[1], codes[0], .. codes[2..]];
        Assert.Equal(upOnce, (await factory.StoredAsync(template.Id)).AskedCodes());
        var moved = (await factory.StoredAsync(template.Id)).Items.Single(i => i.Id == second.Id);
        Assert.True((await factory.EditAsync(s => s.MoveItemAsync(moved.Id, moved.Version, up: false))).Saved);
        Assert.True((await factory.EditAsync(s => s.MoveItemAsync(moved.Id, moved.Version + 1, up: false))).Saved);
        List<string> downTwice = [codes[0], codes[2], codes[1], .. codes[3..]];
        Assert.Equal(downTwice, (await factory.StoredAsync(template.Id)).AskedCodes());
    }

    [Fact]
    public async Task ArchiveItem_IsNoLongerAsked_AndUnarchiveBringsItBack()
    {
        var template = await factory.NewTemplateAsync();
        var item = template.Items[2];

        var archived = await factory.EditAsync(s => s.SetArchivedAsync(item.Id, item.Version, archived: true));

        Assert.True(archived.Saved);
        var stored = await factory.StoredAsync(template.Id);
        Assert.Equal(template.Items.Count, stored.Items.Count);
        Assert.DoesNotContain(item.Code, stored.AskedCodes());
        Assert.True(stored.Items.Single(i => i.Id == item.Id).IsArchived);

        var back = await factory.EditAsync(s => s.SetArchivedAsync(item.Id, item.Version + 1, archived: false));

        Assert.True(back.Saved);
        Assert.Equal(template.Items.Select(i => i.Code), (await factory.StoredAsync(template.Id)).AskedCodes());
    }

    [Fact]
    public async Task Activate_TemplateWithoutAskedItems_RefusedAndTheActiveOneStays()
    {
        var active = await factory.ActiveAsync();
        var template = await factory.NewTemplateAsync();
        foreach (var item in template.Items)
            Assert.True((await factory.EditAsync(s => s.SetArchivedAsync(item.Id, item.Version, archived: true))).Saved);
        var current = (await factory.EditAsync(s => s.GetAsync(template.Id)))!;

        var result = await factory.EditAsync(s => s.ActivateAsync(current.Id, current.Version));

        Assert.Equal("ActivateWithoutItems", result.Error);
        Assert.Equal(active.Id, (await factory.ActiveAsync()).Id);
        Assert.False((await factory.StoredAsync(template.Id)).IsActive);
    }

    [Fact]
    public async Task Rename_SetsTheName_AndATakenOrEmptyNameIsRefused()
    {
        var template = await factory.NewTemplateAsync();
        var other = await factory.NewTemplateAsync();

        Assert.Equal("TemplateNameTaken", (await factory.EditAsync(s => s.RenameAsync(template.Id, template.Version, other.Name))).FieldErrors[SurveyItemRules.TemplateNameField]);
        Assert.Equal("TemplateNameRequired", (await factory.EditAsync(s => s.RenameAsync(template.Id, template.Version, " "))).FieldErrors[SurveyItemRules.TemplateNameField]);
        await AssertUnchangedAsync(template);

        var name = $"Spring {Guid.NewGuid():N}";
        Assert.True((await factory.EditAsync(s => s.RenameAsync(template.Id, template.Version, name))).Saved);
        Assert.Equal(name, (await factory.StoredAsync(template.Id)).Name);
    }

    [Theory]
    [InlineData(Roles.Clerk)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Admin)]
    public async Task Changes_ByNonManager_RefusedAndNothingWritten(string role)
    {
        var template = await factory.NewTemplateAsync();
        var item = template.Items[0];

        Assert.Empty(await factory.EditAsync(s => s.ListAsync(), role));
        Assert.Equal(SurveyTemplateService.NotAllowed, (await factory.EditAsync(s => s.AddItemAsync(template.Id, template.Version, Draft()), role)).Error);
        Assert.Equal(SurveyTemplateService.NotAllowed, (await factory.EditAsync(s => s.EditItemAsync(item.Id, item.Version, Draft()), role)).Error);
        Assert.Equal(SurveyTemplateService.NotAllowed, (await factory.EditAsync(s => s.SetArchivedAsync(item.Id, item.Version, true), role)).Error);
        Assert.Equal(SurveyTemplateService.NotAllowed, (await factory.EditAsync(s => s.MoveItemAsync(item.Id, item.Version, false), role)).Error);
        Assert.Equal(SurveyTemplateService.NotAllowed, (await factory.EditAsync(s => s.ActivateAsync(template.Id, template.Version), role)).Error);
        Assert.Equal(SurveyTemplateService.NotAllowed, (await factory.EditAsync(s => s.RenameAsync(template.Id, template.Version, "Mine"), role)).Error);
        Assert.Equal(SurveyTemplateService.NotAllowed, (await factory.EditAsync(s => s.CreateAsync("Mine " + role), role)).Error);
        await AssertUnchangedAsync(template);
        Assert.False((await factory.StoredAsync(template.Id)).IsActive);
    }

    [Fact]
    public async Task EditItem_StaleVersion_ReportsConflictAndKeepsTheOtherChange()
    {
        var template = await factory.NewTemplateAsync();
        var item = template.Items[0];
        Assert.True((await factory.EditAsync(s => s.EditItemAsync(item.Id, item.Version, Draft(en: "First")))).Saved);

        var second = await factory.EditAsync(s => s.EditItemAsync(item.Id, item.Version, Draft(en: "Second")));

        Assert.False(second.Saved);
        Assert.True(second.Conflict);
        Assert.Equal("First", second.Template!.Items.Single(i => i.Id == item.Id).NameEn);
        Assert.Equal("First", (await factory.StoredAsync(template.Id)).Items.Single(i => i.Id == item.Id).NameEn);
    }

    [Fact]
    public async Task StaleVersion_OnAddArchiveMoveActivate_RefusedAndNothingWritten()
    {
        var template = await factory.NewTemplateAsync();
        var item = template.Items[1];
        Assert.True((await factory.EditAsync(s => s.RenameAsync(template.Id, template.Version, $"Renamed {Guid.NewGuid():N}"))).Saved);
        Assert.True((await factory.EditAsync(s => s.EditItemAsync(item.Id, item.Version, Draft(en: "Changed")))).Saved);
        var before = await factory.StoredAsync(template.Id);

        Assert.True((await factory.EditAsync(s => s.AddItemAsync(template.Id, template.Version, Draft()))).Conflict);
        Assert.True((await factory.EditAsync(s => s.ActivateAsync(template.Id, template.Version))).Conflict);
        Assert.True((await factory.EditAsync(s => s.SetArchivedAsync(item.Id, item.Version, true))).Conflict);
        Assert.True((await factory.EditAsync(s => s.MoveItemAsync(item.Id, item.Version, up: true))).Conflict);

        var after = await factory.StoredAsync(template.Id);
        Assert.False(after.IsActive);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.AskedCodes(), after.AskedCodes());
        Assert.Equal(before.Items.Select(i => i.Version), after.Items.Select(i => i.Version));
    }

    private async Task AssertUnchangedAsync(TemplateView before)
    {
        var stored = await factory.StoredAsync(before.Id);
        Assert.Equal(before.Name, stored.Name);
        Assert.Equal(before.Version, stored.Version);
        Assert.Equal(before.Items.Select(i => (i.Id, i.Code, i.NameHans, i.NameHant, i.NameEn, i.Department, i.Order, i.IsArchived, i.Version)),
            stored.Items.OrderBy(i => i.Order).ThenBy(i => i.Id).Select(i => (i.Id, i.Code, i.NameHans, i.NameHant, i.NameEn, i.Department, i.Order, i.IsArchived, i.Version)));
    }
}
