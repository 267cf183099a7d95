using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Files;
using PropertyHub.Features.Fund.Documents;

namespace PropertyHub.Tests.Features.Fund;

/// <summary>Documents attached to ledger lines through the shared file store, and who may open them; one app for the
/// class, an account per test.</summary>
public sealed class FundDocumentsTests(AppFactory factory) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private FundScenario fund = null!;
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    public async Task InitializeAsync() => fund = await new FundScenario(factory).OpenAsync(number: FundScenario.UniqueNumber());

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<UploadedFile> CheckedAsync(byte[] bytes, string name) =>
        (await factory.Services.GetRequiredService<FileIntake>().ReadAsync(new MemoryStream(bytes), name, FileKinds.Documents)).File!;

    [Fact]
    public async Task Attach_AnInvoice_ListedOnTheLine_OpenedByTheManager_NotByAClerk()
    {
        var entry = (await fund.RequestAsync("1200.00")).Id!.Value;
        var file = await CheckedAsync(Pdf, "发票 2026-031.pdf");

        var attached = await fund.As(Roles.Finance, sp => sp.GetRequiredService<FundDocuments>().AttachAsync(entry, file));
        var listed = await fund.As(Roles.Manager, sp => sp.GetRequiredService<FundDocuments>().ListAsync(entry));

        Assert.True(attached.Ok);
        var document = Assert.Single(listed);
        Assert.Equal(("发票 2026-031.pdf", (long)Pdf.Length), (document.Name, document.Length));
        var manager = await factory.ClientForRoleAsync(Roles.Manager);
        var response = await manager.GetAsync(FundDocuments.Link(document.FileId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        var clerk = await factory.ClientForRoleAsync(Roles.Clerk);
        Assert.NotEqual(HttpStatusCode.OK, (await clerk.GetAsync(FundDocuments.Link(document.FileId))).StatusCode);
    }

    [Fact]
    public async Task Attach_ByTheManagerOrToNoLine_RefusedAndNoFileStored()
    {
        var file = await CheckedAsync(Pdf, "contract.pdf");
        var stored = await StoredFilesAsync();
        var entry = (await fund.RequestAsync("1200.00")).Id!.Value;

        var asManager = await fund.As(Roles.Manager, sp => sp.GetRequiredService<FundDocuments>().AttachAsync(entry, file));
        var noLine = await fund.As(Roles.Finance, sp => sp.GetRequiredService<FundDocuments>().AttachAsync(987654, file));

        Assert.Equal("NotAllowed", asManager.Errors[""]);
        Assert.Equal("EntryNotFound", noLine.Errors[""]);
        Assert.Equal(stored, await StoredFilesAsync());
    }

    private async Task<int> StoredFilesAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.StoredFiles.CountAsync();
    }
}
