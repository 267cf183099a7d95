using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry.Import;

namespace PropertyHub.Tests.Features.Registry.Import;

public sealed class ImportPageTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task PreviewPanel_WithRowErrors_ListsThemAndOffersNoImport()
    {
        var parser = new RegistryImportParser(NullLogger<RegistryImportParser>.Instance);
        var rows = (await parser.ParseAsync(ImportFiles.Csv([ImportFiles.Unit("9", "101", area: "abc"), ImportFiles.Unit("9", "102")]), "x.csv")).Rows;
        var preview = RegistryImportValidator.Validate(1, rows, []);
        await using var ctx = NewContext();

        var panel = ctx.Render<ImportPreviewPanel>(p => p.Add(x => x.Preview, preview).Add(x => x.FileName, "x.csv"));

        var table = panel.Find("[data-testid=import-errors]");
        Assert.Contains("\"abc\" is not a number.", table.TextContent, StringComparison.Ordinal);
        Assert.Contains(">2<", table.InnerHtml, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=import-commit]"));
    }

    [Fact]
    public async Task PreviewPanel_WithoutErrors_ShowsCountsAndImportRaisesCommit()
    {
        var parser = new RegistryImportParser(NullLogger<RegistryImportParser>.Instance);
        var rows = (await parser.ParseAsync(ImportFiles.Csv([ImportFiles.Owner("9", "101", "张三", "13900009901"), ImportFiles.Unit("9", "102")]), "x.csv")).Rows;
        var preview = RegistryImportValidator.Validate(1, rows, []);
        var committed = false;
        await using var ctx = NewContext();

        var panel = ctx.Render<ImportPreviewPanel>(p => p.Add(x => x.Preview, preview).Add(x => x.OnCommit, () => committed = true));

        Assert.Contains("2", panel.Find("[data-testid=count-new-units]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1", panel.Find("[data-testid=count-new-occupants]").TextContent, StringComparison.Ordinal);
        panel.Find("[data-testid=import-commit]").Click();
        Assert.True(committed);
    }

    [Fact]
    public async Task PreviewPanel_Gb18030File_ShowsTheDecodedNamesOfItsFirstRows()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var gb18030 = System.Text.Encoding.GetEncoding(54936);
        var parser = new RegistryImportParser(NullLogger<RegistryImportParser>.Instance);
        var file = ImportFiles.Csv([ImportFiles.Owner("9", "101", "欧阳娜娜", "13900009901"), ImportFiles.Owner("9", "102", "䶮龘𠀋", "13900009902"),
            ImportFiles.Unit("9", "103")], encoding: gb18030);
        var rows = (await parser.ParseAsync(file, "excel.csv")).Rows;
        var preview = RegistryImportValidator.Validate(1, rows, []);
        await using var ctx = NewContext();

        var panel = ctx.Render<ImportPreviewPanel>(p => p.Add(x => x.Preview, preview).Add(x => x.FileName, "excel.csv"));

        var sample = panel.FindAll("[data-testid=import-sample-row]");
        Assert.Equal(3, sample.Count);
        Assert.Equal(["欧阳娜娜", "䶮龘𠀋", ""], panel.FindAll("[data-testid=import-sample-occupant]").Select(c => c.TextContent.Trim()));
        Assert.Contains("9号楼", sample[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("9-101", sample[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("9 9号楼", sample[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_ForClerk_OpensWithFormatHelp()
    {
        var client = await factory.ClientForRoleAsync(Roles.Clerk);

        var response = await client.GetAsync("/registry/import");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("import-help", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportPage_ForEngineer_IsNotShown()
    {
        var client = await factory.ClientForRoleAsync(Roles.Engineer);

        var response = await client.GetAsync("/registry/import");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddScoped<ImportMessages>();
        return ctx;
    }
}
