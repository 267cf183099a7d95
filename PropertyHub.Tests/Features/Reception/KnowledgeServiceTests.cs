using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Knowledge;
using PropertyHub.Tests.Features.Registry;

namespace PropertyHub.Tests.Features.Reception;

public sealed class KnowledgeServiceTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private Task AsAsync(string role, Func<KnowledgeService, int, Task> action) =>
        RegistryTesting.InCultureAsync("en", () => factory.AsAsync(role, async (_, sp) =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var estateId = await db.Estates.Select(e => e.Id).FirstAsync();
            await action(sp.GetRequiredService<KnowledgeService>(), estateId);
        }));

    private static KnowledgeForm NewForm(int estateId, string title) => new()
    {
        EstateId = estateId, Category = KnowledgeCategory.UsefulNumber, Title = title, Answer = "拨打 12345 市民热线。", Phone = "12345", Keywords = "热线 市长",
    };

    [Fact]
    public Task DemoArchive_Seeded_HasTheUsefulNumbersOfTheStandard() => AsAsync(Roles.Clerk, async (knowledge, estateId) =>
    {
        var all = await knowledge.ListAsync(estateId);
        Assert.True(all.Count >= 15);
        Assert.Contains(all, e => e.Phone == "10000");
        Assert.Contains(all, e => e.Phone == "95598");
        Assert.Contains(all, e => e.Title.Contains("派出所"));
        // The fee answers are those of the fee items (demo: 2.80 per m² for homes), due on the requests' due day.
        Assert.Contains(all, e => e.Category == KnowledgeCategory.FeeStandard && e.FromFeeItems && e.Title == "Property management fee"
            && e.Answer.Contains("Residential CNY 2.80 per m² a month") && e.Answer.Contains("day 20"));
        Assert.DoesNotContain(all, e => e.Answer.Contains("1.50 元"));
        Assert.All(await knowledge.ListAsync(estateId, KnowledgeCategory.OfficeHours), e => Assert.Equal(KnowledgeCategory.OfficeHours, e.Category));
    });

    [Fact]
    public async Task FeeAnswer_FinanceChangesTheRateAndTheDueDay_TheArchiveAnswerFollows()
    {
        await using var app = new AppFactory { Settings = { ["PaymentRequests:DueDay"] = "25" } };
        async Task<KnowledgeView> AnswerAsync()
        {
            KnowledgeView? found = null;
            await RegistryTesting.InCultureAsync("zh-Hans", () => app.AsAsync(Roles.Clerk, async sp =>
            {
                await using var db = await app.CreateDbContextAsync();
                var estateId = await db.Estates.Select(e => e.Id).FirstAsync();
                found = Assert.Single(await sp.GetRequiredService<KnowledgeService>().SearchAsync(estateId, "物业管理费 多少钱"));
            }));
            return found!;
        }
        var before = await AnswerAsync();
        Assert.Contains("住宅 2.80 元/m²/月", before.Answer);
        Assert.Contains("每月 25 日前缴纳", before.Answer);

        await using (var db = await app.CreateDbContextAsync())
        {
            var management = await db.FeeItems.SingleAsync(i => i.Code == "management");
            // In force from today (the demo's rates run from 1 January).
            var today = app.Services.GetRequiredService<PropertyHub.Features.Settings.EstateTime>().Today(management.EstateId);
            db.FeeRates.Add(new FeeRate { FeeItemId = management.Id, Use = UnitUse.Residential, Amount = 3.35m, EffectiveFrom = today, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        var after = await AnswerAsync();
        Assert.Contains("住宅 3.35 元/m²/月", after.Answer);
        Assert.DoesNotContain("2.80", after.Answer);
        Assert.Equal("物业管理费", after.Title);
    }

    [Fact]
    public async Task DemoSeed_OldDatabaseWithItsOwnFeeAnswer_TheStoredAnswerIsRetiredOthersStay()
    {
        await using var app = new AppFactory();
        await using (var db = await app.CreateDbContextAsync())
        {
            var estateId = await db.Estates.Select(e => e.Id).FirstAsync();
            db.KnowledgeEntries.AddRange(
                new KnowledgeEntry { EstateId = estateId, Category = KnowledgeCategory.FeeStandard, Title = "物业管理费收费标准", Answer = "住宅 1.50 元/m²/月，每月 10 日前缴纳。" },
                new KnowledgeEntry { EstateId = estateId, Category = KnowledgeCategory.FeeStandard, Title = "停车费", Answer = "月租车位 300 元/月。" });
            await db.SaveChangesAsync();
        }

        await app.WithScopeAsync(sp => sp.GetRequiredService<DemoArchive>().SeedAsync());

        await using var check = await app.CreateDbContextAsync();
        Assert.False(await check.KnowledgeEntries.AnyAsync(k => k.Answer.Contains("1.50 元")));
        Assert.True(await check.KnowledgeEntries.AnyAsync(k => k.Title == "停车费"));
    }

    [Fact]
    public async Task ArchivePage_Supervisor_FeeAnswersPointToTheFeeItemsInsteadOfEditing()
    {
        var client = await factory.ClientForRoleAsync(Roles.Supervisor);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var html = await client.GetStringAsync("/reception/archive");

        Assert.Equal(3, html.Split("data-testid=\"archive-from-fee-items\"").Length - 1);
        Assert.Contains("Property management fee", html);
        Assert.Contains("data-testid=\"archive-edit\"", html);
    }

    [Fact]
    public Task Search_ByKeywordPhoneOrTwoWords_FindsTheEntry() => AsAsync(Roles.Clerk, async (knowledge, estateId) =>
    {
        Assert.Contains(await knowledge.SearchAsync(estateId, "户口"), e => e.Title.Contains("派出所"));
        var byPhone = Assert.Single(await knowledge.SearchAsync(estateId, "95598"));
        Assert.Contains("供电", byPhone.Title);
        Assert.Contains(await knowledge.SearchAsync(estateId, "快递 代收"), e => e.Title.Contains("快递"));
        Assert.Empty(await knowledge.SearchAsync(estateId, "快递 95598"));
        Assert.Empty(await knowledge.SearchAsync(estateId, "   "));
        Assert.Empty(await knowledge.SearchAsync(estateId + 1000, "95598"));
    });

    [Fact]
    public Task Save_EmptyTitleAnswerAndLetterPhone_RefusedWithAMessagePerFieldAndNothingSaved() => AsAsync(Roles.Supervisor, async (knowledge, estateId) =>
    {
        var before = (await knowledge.ListAsync(estateId)).Count;
        var result = await knowledge.SaveAsync(new KnowledgeForm { EstateId = estateId, Title = " ", Answer = "", Phone = "call us" });
        Assert.Equal(ReceptionOutcome.Invalid, result.Outcome);
        Assert.Equal(["Answer", "Phone", "Title"], result.Errors.Select(e => e.Field).Order());
        Assert.Contains(result.Errors, e => e.Message == "Enter a title.");
        var tooLong = await knowledge.SaveAsync(NewForm(estateId, new string('长', 201)));
        Assert.Equal("At most 200 characters.", Assert.Single(tooLong.Errors).Message);
        Assert.Equal(before, (await knowledge.ListAsync(estateId)).Count);
    });

    [Fact]
    public Task Save_InvisibleOnlyTitleAndArabicIndicPhone_RefusedAndNothingSaved() => AsAsync(Roles.Supervisor, async (knowledge, estateId) =>
    {
        var before = (await knowledge.ListAsync(estateId)).Count;
        var form = NewForm(estateId, "\u202E\u200B");
        form.Phone = "١٢٣٤٥";
        var result = await knowledge.SaveAsync(form);
        Assert.Equal(ReceptionOutcome.Invalid, result.Outcome);
        Assert.Equal("Enter a title.", Assert.Single(result.Errors, e => e.Field == "Title").Message);
        Assert.StartsWith("Type the digits 0–9", Assert.Single(result.Errors, e => e.Field == "Phone").Message);
        Assert.Equal(before, (await knowledge.ListAsync(estateId)).Count);
    });

    [Fact]
    public Task Save_BidiTitleAndFullWidthPhone_StoredCleanAndNormalised() => AsAsync(Roles.Supervisor, async (knowledge, estateId) =>
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var form = NewForm(estateId, $"\u202E燃气抢修\u202C {tag}");
        form.Phone = "０５９１－１２３４５６７８";
        var result = await knowledge.SaveAsync(form);
        Assert.True(result.Succeeded);
        var saved = Assert.Single(await knowledge.SearchAsync(estateId, tag));
        Assert.Equal(($"燃气抢修 {tag}", "0591-12345678"), (saved.Title, saved.Phone));
    });

    [Fact]
    public Task Save_ByAClerk_IsDenied() => AsAsync(Roles.Clerk, async (knowledge, estateId) =>
    {
        var result = await knowledge.SaveAsync(NewForm(estateId, "市民热线（职员）"));
        Assert.False(result.Succeeded);
        Assert.Empty(await knowledge.SearchAsync(estateId, "市民热线（职员）"));
    });

    [Fact]
    public Task Save_TwoEditorsFromTheSameVersion_SecondGetsConflictAndTheFreshEntry() => AsAsync(Roles.Supervisor, async (knowledge, estateId) =>
    {
        var created = await knowledge.SaveAsync(NewForm(estateId, "市民服务热线"));
        Assert.True(created.Succeeded);
        var seen = created.Entry!;
        var first = KnowledgeForm.From(seen);
        first.Answer = "12345 政务服务便民热线，24 小时。";
        var second = KnowledgeForm.From(seen);
        second.Phone = "0591-12345";

        Assert.True((await knowledge.SaveAsync(first)).Succeeded);
        var conflict = await knowledge.SaveAsync(second);

        Assert.Equal(ReceptionOutcome.Conflict, conflict.Outcome);
        Assert.Equal("12345 政务服务便民热线，24 小时。", conflict.Entry!.Answer);
        var stored = (await knowledge.GetAsync(seen.Id))!;
        Assert.Equal("12345", stored.Phone);
        Assert.Equal(seen.Version + 1, stored.Version);

        var staleDelete = await knowledge.DeleteAsync(seen.Id, seen.Version);
        Assert.Equal(ReceptionOutcome.Conflict, staleDelete.Outcome);
        Assert.NotNull(await knowledge.GetAsync(seen.Id));
        Assert.True((await knowledge.DeleteAsync(seen.Id, stored.Version)).Succeeded);
        Assert.Null(await knowledge.GetAsync(seen.Id));
    });

    [Fact]
    public async Task DemoArchive_RunTwice_AddsNothingTheSecondTime()
    {
        await using var db = await factory.CreateDbContextAsync();
        var before = await db.KnowledgeEntries.CountAsync();
        await factory.WithScopeAsync(sp => sp.GetRequiredService<DemoArchive>().SeedAsync());
        Assert.Equal(before, await db.KnowledgeEntries.CountAsync());
    }
}
