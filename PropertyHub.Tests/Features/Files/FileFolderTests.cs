using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Files;

namespace PropertyHub.Tests.Features.Files;

/// <summary>
/// The folder store (Files:Store=Folder): content written once under its hash, atomically, outside the database, sent
/// back byte for byte through the usual calls, refused when tampered with; a folder inside wwwroot refused at start-up.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FileFolderTests(PostgresServer server)
{
    private static readonly string Temp = Path.Combine(Path.GetTempPath(), "propertyhub-tests");

    private sealed class Environment(string root) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = Path.Combine(root, "wwwroot");
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ApplicationName { get; set; } = "PropertyHub";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = root;
        public string EnvironmentName { get; set; } = "Testing";
    }

    private static FileFolder Folder(string folder, out string root)
    {
        root = Path.Combine(Temp, Guid.NewGuid().ToString("N"));
        return new FileFolder(Options.Create(new FilesOptions { Store = FileStoreKind.Folder, Folder = folder }), new Environment(root));
    }

    [Fact]
    public async Task Sqlite_StoredInTheFolder_NotInTheDatabase_SentBackByteForByte() => await RoundTripAsync(new AppFactory());

    [PostgresFact]
    public async Task Postgres_StoredInTheFolder_NotInTheDatabase_SentBackByteForByte() => await RoundTripAsync(new AppFactory
    {
        Provider = DatabaseProvider.Postgres,
        ConnectionString = server.ConnectionString("file_folder_" + Guid.NewGuid().ToString("N")[..8]),
    });

    private static async Task RoundTripAsync(AppFactory app)
    {
        await using var factory = app;
        var folder = Path.Combine(factory.ContentFolder, "files");
        factory.Settings["Files:Store"] = "Folder";
        factory.Settings["Files:Folder"] = folder;
        var upload = (await factory.Services.GetRequiredService<FileIntake>().ReadAsync(new MemoryStream(FileIntakeTests.Pdf), "合同.pdf", FileKinds.Documents)).File!;
        Guid id;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var file = upload.ToStoredFile("clerk1", DateTimeOffset.UtcNow);
            db.StoredFiles.Add(file);
            await db.SaveChangesAsync();
            id = file.Id;
        }

        var path = Path.Combine(folder, upload.Sha256[..2], upload.Sha256 + ".bin");
        Assert.Equal(FileIntakeTests.Pdf, await File.ReadAllBytesAsync(path));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Empty((await db.StoredFileContents.AsNoTracking().SingleAsync(c => c.FileId == id)).Bytes);
            Assert.Equal(FileIntakeTests.Pdf, await SendAsync(factory, db, id));

            await File.WriteAllBytesAsync(path, [.. FileIntakeTests.Pdf, 0x20]);
            Assert.Null(await SendAsync(factory, db, id));
        }
    }

    private static async Task<byte[]?> SendAsync(AppFactory factory, AppDbContext db, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Response.Body = new MemoryStream();
        var result = await StoredFileResults.SendAsync(db, http, id, download: false, CancellationToken.None);
        await result.ExecuteAsync(http);
        return http.Response.StatusCode == StatusCodes.Status200OK ? ((MemoryStream)http.Response.Body).ToArray() : null;
    }

    [Fact]
    public async Task Write_SameContentTwiceAtOnce_OneFileNoTemporaryLeft_ACancelledWriteLeavesNothing()
    {
        var folder = Folder("files", out var root);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(FileIntakeTests.Png));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => folder.WriteAsync(sha, FileIntakeTests.Png))));

        Assert.Equal(FileIntakeTests.Png, await folder.ReadAsync(sha));
        Assert.Single(Directory.GetFiles(Path.Combine(root, "files"), "*", SearchOption.AllDirectories));

        var other = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(FileIntakeTests.Jpeg));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => folder.WriteAsync(other, FileIntakeTests.Jpeg, new CancellationToken(canceled: true)));
        Assert.False(File.Exists(folder.PathOf(other)));
        Assert.Single(Directory.GetFiles(Path.Combine(root, "files"), "*", SearchOption.AllDirectories));
        Assert.Throws<ArgumentException>(() => folder.PathOf("../../etc/passwd"));
    }

    [Fact]
    public void Validate_AFolderInsideTheWebRootOrNone_RefusedWithAClearMessage_OutsideTaken()
    {
        var root = Path.Combine(Temp, Guid.NewGuid().ToString("N"));
        var validator = new FilesOptionsValidator(new Environment(root));

        var inside = validator.Validate(null, new FilesOptions { Store = FileStoreKind.Folder, Folder = "wwwroot/uploads" });
        var sneaky = validator.Validate(null, new FilesOptions { Store = FileStoreKind.Folder, Folder = "data/../wwwroot" });
        var none = validator.Validate(null, new FilesOptions { Store = FileStoreKind.Folder });
        var outside = validator.Validate(null, new FilesOptions { Store = FileStoreKind.Folder, Folder = "App_Data/files" });
        var beside = validator.Validate(null, new FilesOptions { Store = FileStoreKind.Folder, Folder = "wwwroot-files" });
        var database = validator.Validate(null, new FilesOptions { Folder = "wwwroot" });

        Assert.True(inside.Failed);
        Assert.Contains("inside the web root", inside.FailureMessage);
        Assert.True(sneaky.Failed);
        Assert.True(none.Failed);
        Assert.Contains("Files:Folder", none.FailureMessage);
        Assert.True(outside.Succeeded && beside.Succeeded && database.Succeeded);
    }
}
