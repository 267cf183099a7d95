using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MiniExcelLibs;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Registry.Import;

namespace PropertyHub.Tests.Features.Registry.Import;

public sealed class RegistryExportTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private readonly RegistryImportParser parser = new(NullLogger<RegistryImportParser>.Instance);

    [Fact]
    public async Task Export_AsManager_RoundTripsEveryUnitAndOccupantWithFullIdNumbers()
    {
        var client = await factory.ClientForRoleAsync(Roles.Manager);

        var response = await client.GetAsync("/registry/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RegistryExporter.ContentType, response.Content.Headers.ContentType?.MediaType);
        var parsed = await parser.ParseAsync(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), "export.xlsx");
        Assert.Null(parsed.FileError);
        await using var db = await factory.CreateDbContextAsync();
        var units = await db.Units.Include(u => u.Building).Include(u => u.Occupants).ToListAsync();
        var exported = ImportFiles.UnitKeys(parsed.Rows);
        Assert.Equal(units.Count, exported.Count);
        foreach (var unit in units)
            Assert.Equal(Math.Max(1, unit.Occupants.Count), exported[(unit.Building!.Code, unit.Number)]);
        var ids = parsed.Rows.Select(r => r[ImportColumn.IdNumber]).OfType<string>().ToHashSet();
        Assert.Equal((await db.Occupants.Select(o => o.IdNumber).ToListAsync()).OfType<string>().ToHashSet(), ids);

        var preview = await ValidateAsync(parsed.Rows);
        Assert.Empty(preview.Errors);
        Assert.Equal((0, 0, units.Count, 0, db.Occupants.Count()), (preview.NewBuildings, preview.NewUnits, preview.UpdatedUnits, preview.NewOccupants, preview.UpdatedOccupants));
        var unitAreas = units.ToDictionary(u => (u.Building!.Code, u.Number), u => (u.Floor, u.Area, u.Use));
        foreach (var row in parsed.Rows)
        {
            var expected = unitAreas[(row[ImportColumn.BuildingCode]!, row[ImportColumn.UnitNumber]!)];
            Assert.Equal(expected.Area, decimal.Parse(row[ImportColumn.Area]!, CultureInfo.InvariantCulture));
            Assert.Equal(expected.Floor, int.Parse(row[ImportColumn.Floor]!, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Export_AsClerk_MasksIdNumbersAndStillImportsWithoutChangingThem()
    {
        var client = await factory.ClientForRoleAsync(Roles.Clerk);

        var bytes = await client.GetByteArrayAsync("/registry/export.xlsx");

        var parsed = await parser.ParseAsync(new MemoryStream(bytes), "export.xlsx");
        Assert.Null(parsed.FileError);
        await using var db = await factory.CreateDbContextAsync();
        var stored = (await db.Occupants.Select(o => o.IdNumber).ToListAsync()).OfType<string>().ToList();
        var exported = parsed.Rows.Select(r => r[ImportColumn.IdNumber]).OfType<string>().ToList();
        Assert.Equal(stored.Count, exported.Count);
        Assert.All(exported, id => Assert.Contains("****", id, StringComparison.Ordinal));
        Assert.Empty(exported.Intersect(stored));
        Assert.Equal(stored.Select(IdNumbers.Mask).Order(), exported.Order());

        var preview = await ValidateAsync(parsed.Rows);
        Assert.Empty(preview.Errors);
        Assert.Equal(stored.Count, preview.Plan.SelectMany(p => p.Occupants).Count(o => o.KeepIdNumber));
    }

    [Fact]
    public async Task Export_SignedOut_IsNotServed()
    {
        var response = await factory.NewClient().GetAsync("/registry/export.xlsx");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Template_HasTheHeadersInTheUsersLanguageAndNoRows()
    {
        var client = await factory.ClientForRoleAsync(Roles.Clerk);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/registry/import/template.xlsx");
        request.Headers.AcceptLanguage.ParseAdd("zh-Hans");

        var bytes = await (await client.SendAsync(request)).Content.ReadAsByteArrayAsync();

        var header = ((IDictionary<string, object?>)MiniExcel.Query(new MemoryStream(bytes), excelType: ExcelType.XLSX).First()).Values.ToList();
        Assert.Equal(["楼栋编号", "楼栋名称", "单元号"], header.Take(3));
        Assert.Equal(ImportColumns.All.Count, header.Count);
        Assert.Equal("NoDataRows", (await parser.ParseAsync(new MemoryStream(bytes), "template.xlsx")).FileError?.Key);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    [InlineData("zh-Hant")]
    public async Task ColumnLabelsAndValues_InEveryLanguage_AreReadBackByTheImport(string culture)
    {
        var original = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            await factory.WithScopeAsync(sp =>
            {
                var messages = sp.GetRequiredService<ImportMessages>();
                foreach (var column in ImportColumns.All)
                    Assert.Equal(column, ImportColumns.FromHeader(messages.Column(column)));
                foreach (var use in Enum.GetValues<UnitUse>())
                    Assert.True(ImportColumns.TryUse(messages.Use(use), out var read) && read == use);
                foreach (var role in Enum.GetValues<OccupantRole>())
                    Assert.True(ImportColumns.TryRole(messages.Role(role), out var read) && read == role);
                foreach (var kind in Enum.GetValues<OccupantKind>())
                    Assert.True(ImportColumns.TryKind(messages.Kind(kind), out var read) && read == kind);
                Assert.True(ImportColumns.TryBoolean(messages.YesNo(true), out var yes) && yes);
                Assert.True(ImportColumns.TryBoolean(messages.YesNo(false), out var no) && !no);
                return Task.CompletedTask;
            });
        }
        finally
        {
            CultureInfo.CurrentUICulture = original;
        }
    }

    private async Task<ImportPreview> ValidateAsync(IReadOnlyList<ImportRow> rows)
    {
        ImportPreview? preview = null;
        await factory.WithScopeAsync(async sp =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var estateId = await db.Estates.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            preview = await sp.GetRequiredService<RegistryImportValidator>().ValidateAsync(estateId, rows);
        });
        return preview!;
    }
}
