using PropertyHub.Features.Accounts;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PropertyHub.Data;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Registry.Import;
using static PropertyHub.Tests.Features.Registry.Import.ImportFiles;

namespace PropertyHub.Tests.Features.Registry.Import;

/// <summary>Preview and commit against the demo estate (buildings 1–3, units 101–2005).</summary>
public sealed class RegistryImportTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private readonly RegistryImportParser parser = new(NullLogger<RegistryImportParser>.Instance);

    [Fact]
    public async Task Preview_NewAndExistingUnits_CountsWhatWouldChange()
    {
        var rows = await ParseAsync(Csv(
        [
            Owner("P", "101", "张三", "13900009901"),
            [.. Owner("P", "101", "李四", "13900009902")[..6], "租户", "个人", "李四", "13900009902", "", "", "", "", "", ""],
            Unit("P", "102"),
            Unit("1", "101", floor: "1", area: "96.95"),
        ]), "preview.csv");

        var preview = await ValidateAsync(rows);

        Assert.Empty(preview.Errors);
        Assert.Equal(1, preview.NewBuildings);
        Assert.Equal(2, preview.NewUnits);
        Assert.Equal(1, preview.UpdatedUnits);
        Assert.Equal(2, preview.NewOccupants);
        Assert.True(preview.CanCommit);
    }

    [Fact]
    public async Task Commit_ValidXlsx_CreatesBuildingsUnitsAndOccupants()
    {
        var rows = await ParseAsync(Xlsx(
        [
            Owner("C", "101", "陈一", "13900009911"),
            Unit("C", "102", floor: "1", area: "66.66", use: "商业"),
            Owner("C", "201", "陈二", "13900009912", floor: "2"),
        ]), "commit.xlsx");
        var preview = await ValidateAsync(rows);
        Assert.Empty(preview.Errors);

        var result = await CommitAsync(preview);

        Assert.True(result.Succeeded, result.Message?.Key);
        await using var db = await factory.CreateDbContextAsync();
        var building = await db.Buildings.Include(b => b.Units).ThenInclude(u => u.Occupants).SingleAsync(b => b.Code == "C");
        Assert.Equal("C号楼", building.Name);
        Assert.Equal(["101", "102", "201"], building.Units.Select(u => u.Number).Order());
        var shop = building.Units.Single(u => u.Number == "102");
        Assert.Equal((UnitUse.Commercial, 66.66m), (shop.Use, shop.Area));
        Assert.Empty(shop.Occupants);
        var owner = building.Units.Single(u => u.Number == "201").Occupants.Single();
        Assert.Equal(("陈二", OccupantRole.Owner, "13900009912", PersonId(2)), (owner.Name, owner.Role, owner.Phone, owner.IdNumber));
    }

    [Fact]
    public async Task Commit_ExistingUnitTwice_UpdatesWithoutDuplicating()
    {
        var first = await ValidateAsync(await ParseAsync(Csv([Owner("U", "101", "周一", "13900009921")]), "a.csv"));
        Assert.True((await CommitAsync(first)).Succeeded);

        var second = await ValidateAsync(await ParseAsync(Csv([Owner("U", "101", "周一", "13900009922", area: "99.99")]), "b.csv"));
        Assert.Equal((0, 1, 0, 1), (second.NewUnits, second.UpdatedUnits, second.NewOccupants, second.UpdatedOccupants));
        Assert.True((await CommitAsync(second)).Succeeded);

        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.Include(u => u.Occupants).SingleAsync(u => u.Building!.Code == "U");
        Assert.Equal(99.99m, unit.Area);
        Assert.Equal("13900009922", Assert.Single(unit.Occupants).Phone);
    }

    [Fact]
    public async Task Commit_OneBadRowAmongMany_IsRefusedAndWritesNothing()
    {
        var valid = Enumerable.Range(1, 60).Select(i => Owner("B", $"{i:000}", "吴" + i, $"139000{i:00000}"));
        var rows = await ParseAsync(Csv([.. valid.Take(30), Unit("B", "999", area: "abc"), .. valid.Skip(30)]), "bad.csv");
        var before = await CountsAsync();

        var preview = await ValidateAsync(rows);
        var result = await CommitAsync(preview);

        var error = Assert.Single(preview.Errors);
        Assert.Equal((32, ImportColumn.Area, "NotANumber"), (error.Row, error.Column, error.Message.Key));
        Assert.False(preview.CanCommit);
        Assert.False(result.Succeeded);
        Assert.Equal("FixErrorsFirst", result.Message?.Key);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Commit_UnitChangedBySomeoneElseAfterEarlierBatchesSaved_RollsEverythingBack()
    {
        var rows = await ParseAsync(Csv(
        [
            Owner("R", "101", "郑一", "13900009931"),
            Owner("R", "102", "郑二", "13900009932"),
            Unit("R", "103"),
            Unit("1", "102", floor: "1", area: "104.30"),
        ]), "race.csv");
        var preview = await ValidateAsync(rows);
        Assert.Empty(preview.Errors);
        await using (var other = await factory.CreateDbContextAsync())
        {
            var unit = await other.Units.SingleAsync(u => u.Building!.Code == "1" && u.Number == "102");
            unit.Area += 1;
            await other.SaveChangesAsync();
        }
        var before = await CountsAsync();

        ImportCommitResult? result = null;
        await factory.AsAsync(Roles.Clerk, async sp =>
        {
            // One unit per save: the three new units are saved inside the transaction before the stale unit fails.
            var importer = new RegistryImporter(sp.GetRequiredService<IDbContextFactory<AppDbContext>>(), sp.GetRequiredService<Permissions>(), NullLogger<RegistryImporter>.Instance) { BatchSize = 1 };
            result = await importer.CommitAsync(preview);
        });

        Assert.False(result!.Succeeded);
        Assert.Equal("RegistryChanged", result.Message?.Key);
        Assert.Equal(before, await CountsAsync());
        await using var db = await factory.CreateDbContextAsync();
        Assert.False(await db.Buildings.AnyAsync(b => b.Code == "R"));
    }

    [Fact]
    public async Task Validate_BadCells_ReportsEachWithRowAndColumn()
    {
        var rows = await ParseAsync(Csv(
        [
            Unit("E", "101", area: "-5"),
            Unit("E", "102", area: "12.345"),
            Unit("E", "", area: "50"),
            Unit("E", "104", floor: "2.5"),
            Unit("E", "105", use: "Garage"),
            [.. Unit("E", "106")[..6], "业主", "个人", "钱七", "12345", "", "not-an-email", "3501021980", "", "", ""],
            Unit("E", "107", area: "70"),
            Unit("E", "107", area: "71"),
        ]), "cells.csv");

        var preview = await ValidateAsync(rows);

        var found = preview.Errors.Select(e => (e.Row, e.Column, e.Message.Key)).ToHashSet();
        Assert.Contains((2, ImportColumn.Area, "AreaOutOfRange"), found);
        Assert.Contains((3, ImportColumn.Area, "AreaTooManyDecimals"), found);
        Assert.Contains((4, ImportColumn.UnitNumber, "UnitNumberRequired"), found);
        Assert.Contains((5, ImportColumn.Floor, "NotAWholeNumber"), found);
        Assert.Contains((6, ImportColumn.Use, "UseInvalid"), found);
        Assert.Contains((7, ImportColumn.Phone, "PhoneInvalid"), found);
        Assert.Contains((7, ImportColumn.Email, "EmailInvalid"), found);
        Assert.Contains((7, ImportColumn.IdNumber, "IdNumberLength"), found);
        Assert.Contains((9, ImportColumn.UnitNumber, "UnitRowsConflict"), found);
        Assert.True(preview.Errors.Count == 9, string.Join("; ", preview.Errors.Select(e => (e.Row, e.Column, e.Message.Key))));
    }

    [Fact]
    public async Task Validate_SameUnitAndOccupantTwice_IsADuplicate()
    {
        var rows = await ParseAsync(Csv([Unit("D", "101"), Unit("D", "101"), Owner("D", "102", "孙八", "13900009941"), Owner("D", "102", "孙八", "13900009941")]), "dup.csv");

        var preview = await ValidateAsync(rows);

        Assert.Equal([(3, "RowDuplicate"), (5, "RowDuplicate")], preview.Errors.Select(e => (e.Row, e.Message.Key)));
    }

    [Fact]
    public async Task Messages_InSimplifiedChinese_WhenTheUiCultureIsZhHans()
    {
        var rows = await ParseAsync(Csv([[.. Unit("Z", "101", area: "abc")[..6], "业主", "个人", "冯九", "123", "", "", "", "", "", ""]]), "zh.csv");
        var preview = await ValidateAsync(rows);
        var missing = (await parser.ParseAsync(Csv([["Z"]], ["BuildingCode"]), "zh.csv")).FileError!;
        var original = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
            await factory.WithScopeAsync(sp =>
            {
                var messages = sp.GetRequiredService<ImportMessages>();
                var texts = preview.Errors.Select(e => messages.Format(e.Message)).ToList();
                Assert.Contains("“abc”不是数字。", texts);
                Assert.Contains(texts, t => t.StartsWith("请输入有效的手机号", StringComparison.Ordinal));
                Assert.Equal("缺少必需的列：楼栋名称、单元号、楼层、面积、用途。", messages.Format(missing));
                Assert.Equal("文件数据行超过 20,000 行。请拆分为每个不超过 20,000 行的文件。",
                    messages.Format(new ImportMessage(MessageSource.Import, "TooManyRows", RegistryImportParser.MaxRows)));
                Assert.Equal("面积", messages.Column(ImportColumn.Area));
                return Task.CompletedTask;
            });
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }

    private async Task<IReadOnlyList<ImportRow>> ParseAsync(Stream file, string name)
    {
        var parsed = await parser.ParseAsync(file, name);
        Assert.Null(parsed.FileError);
        return parsed.Rows;
    }

    private async Task<ImportPreview> ValidateAsync(IReadOnlyList<ImportRow> rows)
    {
        ImportPreview? preview = null;
        await factory.WithScopeAsync(async sp =>
        {
            var estateId = await EstateIdAsync();
            preview = await sp.GetRequiredService<RegistryImportValidator>().ValidateAsync(estateId, rows);
        });
        return preview!;
    }

    private async Task<ImportCommitResult> CommitAsync(ImportPreview preview)
    {
        ImportCommitResult? result = null;
        await factory.AsAsync(Roles.Clerk, async sp => result = await sp.GetRequiredService<RegistryImporter>().CommitAsync(preview));
        return result!;
    }

    private async Task<int> EstateIdAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Estates.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
    }

    private async Task<(int Buildings, int Units, int Occupants, int Audit)> CountsAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await db.Buildings.CountAsync(), await db.Units.CountAsync(), await db.Occupants.CountAsync(), await db.AuditEntries.CountAsync());
    }
}
