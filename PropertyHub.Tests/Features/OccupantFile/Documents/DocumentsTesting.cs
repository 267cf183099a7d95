using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Files;
using PropertyHub.Features.OccupantFile.Documents;
using PropertyHub.Features.Registry;
using PropertyHub.Tests.Features.Files;

namespace PropertyHub.Tests.Features.OccupantFile.Documents;

public static class DocumentsTesting
{
    public static async Task<T> AsRoleAsync<T>(this AppFactory factory, string role, Func<IServiceProvider, Task<T>> action)
    {
        T result = default!;
        await factory.AsAsync(role, async sp => { result = await action(sp); });
        return result;
    }

    public static async Task<UploadedFile> ScanAsync(AppFactory factory, byte[] bytes, string name) =>
        (await factory.Services.GetRequiredService<FileIntake>().ReadAsync(new MemoryStream(bytes), name, FileKinds.Documents)).File
        ?? throw new InvalidOperationException("The test file was refused");

    /// <summary>An occupant of the demo estate with its building, a different one for each <paramref name="skip"/>.</summary>
    public static async Task<(int Id, int BuildingId, int UnitId)> OccupantAsync(AppFactory factory, int skip)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Occupants.OrderBy(o => o.Id).Skip(skip).Select(o => new ValueTuple<int, int, int>(o.Id, o.Unit!.BuildingId, o.UnitId)).FirstAsync();
    }

    public static Task<SaveResult<DocumentSaved>> RecordAsync(AppFactory factory, string role, int occupantId, int kindId, UploadedFile? scan,
        DateOnly? receivedOn = null, string? receivedBy = "陈丽") =>
        factory.AsRoleAsync(role, sp => sp.GetRequiredService<OccupantDocuments>().RecordAsync(new DocumentEntry
        {
            OccupantId = occupantId, KindId = kindId, IsOriginal = false, ReceivedOn = receivedOn ?? new DateOnly(2026, 3, 2), ReceivedBy = receivedBy,
        }, scan));

    public static Task<IReadOnlyList<ChecklistRow>> ChecklistAsync(AppFactory factory, string role, int occupantId) =>
        factory.AsRoleAsync(role, sp => sp.GetRequiredService<OccupantDocuments>().GetChecklistAsync(occupantId));

    /// <summary>
    /// The clerk puts an ID copy on file with its scan and sends the same scan again (to the same paper and to the title
    /// documents): kept once; sent to the occupant information form, an open paper, it is stored on its own. The clerk may not open it, the manager may; a guessed file id serves
    /// nothing; the one opening served is recorded on the paper — and nothing else is.
    /// </summary>
    public static async Task IdentityCopyScenarioAsync(AppFactory factory, int skip)
    {
        var occupant = await OccupantAsync(factory, skip);
        var scan = await ScanAsync(factory, FileIntakeTests.Pdf, "身份证 复印件.pdf");
        var first = await RecordAsync(factory, Roles.Clerk, occupant.Id, StandardDocumentKinds.IdentityDocuments, scan);
        var again = await RecordAsync(factory, Roles.Clerk, occupant.Id, StandardDocumentKinds.IdentityDocuments, scan);
        var title = await RecordAsync(factory, Roles.Clerk, occupant.Id, StandardDocumentKinds.TitleDocuments, scan);
        // An open paper (the occupant information form) never shares the restricted scan, nor is told of it.
        var open = await RecordAsync(factory, Roles.Clerk, occupant.Id, 9, scan);

        Assert.True(first.Succeeded, string.Join("; ", first.Errors.Select(e => e.Message)));
        Assert.Equal((false, false), (first.Value!.ScanKeptOnce, first.Value.ScanUnchanged));
        Assert.True(again.Value!.ScanUnchanged);
        Assert.True(title.Value!.ScanKeptOnce);
        Assert.Equal((false, false), (open.Value!.ScanKeptOnce, open.Value.ScanUnchanged));
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(2, await db.StoredFiles.CountAsync(f => f.Sha256 == scan.Sha256));
            var files = await db.OccupantDocuments.Where(d => d.OccupantId == occupant.Id)
                .Select(d => new { d.KindId, d.FileId }).ToDictionaryAsync(d => d.KindId, d => d.FileId);
            Assert.Equal(files[StandardDocumentKinds.IdentityDocuments], files[StandardDocumentKinds.TitleDocuments]);
            Assert.NotEqual(files[StandardDocumentKinds.IdentityDocuments], files[9]);
        }
        var clerkRow = (await ChecklistAsync(factory, Roles.Clerk, occupant.Id)).Single(r => r.KindId == StandardDocumentKinds.IdentityDocuments);
        var managerRow = (await ChecklistAsync(factory, Roles.Manager, occupant.Id)).Single(r => r.KindId == StandardDocumentKinds.IdentityDocuments);
        var clerkPaper = Assert.Single(clerkRow.Papers);
        Assert.Equal((true, true, false), (clerkRow.OnFile, clerkPaper.HasScan, clerkPaper.MayOpen));
        Assert.True(Assert.Single(managerRow.Papers).MayOpen);
        var documentId = managerRow.Papers[0].DocumentId;

        var clerk = await factory.ClientForRoleAsync(Roles.Clerk);
        var manager = await factory.ClientForRoleAsync(Roles.Manager);
        var engineer = await factory.ClientForRoleAsync(Roles.Engineer);
        // Refused or not there: the app's own page in the reader's language, the status code kept.
        clerk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hant");
        var refused = await clerk.GetAsync(DocumentScans.Link(documentId));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("您沒有權限開啟此頁面", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var guessed = await clerk.GetAsync($"/occupant-documents/{int.MaxValue}/scan");
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Contains("頁面不存在", WebUtility.HtmlDecode(await guessed.Content.ReadAsStringAsync()));
        Assert.NotEqual(HttpStatusCode.OK, (await engineer.GetAsync(DocumentScans.Link(documentId))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await factory.NewClient().GetAsync(DocumentScans.Link(documentId))).StatusCode);
        Guid fileId;
        await using (var db = await factory.CreateDbContextAsync())
            fileId = (await db.OccupantDocuments.SingleAsync(d => d.Id == documentId)).FileId!.Value;
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/occupant-documents/{fileId}/scan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/occupant-documents/{int.MaxValue}/scan")).StatusCode);
        var response = await manager.GetAsync(DocumentScans.Link(documentId, download: true));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FileIntakeTests.Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);

        var reads = await factory.AsRoleAsync(Roles.Clerk, sp => sp.GetRequiredService<DocumentScans>().ReadsAsync(documentId));
        var read = Assert.Single(reads);
        Assert.Equal((DemoUsers.All.Single(u => u.Role == Roles.Manager).DisplayName, true), (read.UserName, read.Download));
    }
}
