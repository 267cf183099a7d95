using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Files;

namespace PropertyHub.Tests.Features.Files;

/// <summary>A file stored with a save comes back byte for byte, with its checked type, on SQLite and PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StoredFileTests(PostgresServer server)
{
    [Fact]
    public async Task Sqlite_StoredAndSent_SameBytesTypeAndName()
    {
        await using var factory = new AppFactory();
        await AssertRoundTripAsync(factory);
    }

    [PostgresFact]
    public async Task Postgres_StoredAndSent_SameBytesTypeAndName()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("stored_files_" + Guid.NewGuid().ToString("N")[..8]),
        };
        await AssertRoundTripAsync(factory);
    }

    private static async Task AssertRoundTripAsync(AppFactory factory)
    {
        var intake = factory.Services.GetRequiredService<FileIntake>();
        var upload = (await intake.ReadAsync(new MemoryStream(FileIntakeTests.Jpeg), "../门牌 1-101.jpg", FileKinds.Pictures)).File!;
        var now = new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);
        Guid id;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var file = upload.ToStoredFile("clerk1", now);
            db.StoredFiles.Add(file);
            await db.SaveChangesAsync();
            id = file.Id;
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            var listed = await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == id);
            Assert.Null(listed.Content);
            Assert.Equal(("门牌 1-101.jpg", FileKind.Jpeg, FileIntakeTests.Jpeg.LongLength, upload.Sha256), (listed.Name, listed.Kind, listed.Length, listed.Sha256));

            var http = new DefaultHttpContext { RequestServices = factory.Services };
            http.Response.Body = new MemoryStream();
            var result = await StoredFileResults.SendAsync(db, http, id, download: true, CancellationToken.None);
            await result.ExecuteAsync(http);
            Assert.Equal(FileIntakeTests.Jpeg, ((MemoryStream)http.Response.Body).ToArray());
            Assert.Equal("image/jpeg", http.Response.ContentType);
            Assert.Equal("no-store", http.Response.Headers.CacheControl);
            Assert.Contains("attachment", http.Response.Headers.ContentDisposition.ToString());

            var missing = new DefaultHttpContext { RequestServices = factory.Services };
            var notFound = await StoredFileResults.SendAsync(db, missing, Guid.CreateVersion7(), download: false, CancellationToken.None);
            await notFound.ExecuteAsync(missing);
            Assert.Equal(StatusCodes.Status404NotFound, missing.Response.StatusCode);
        }
    }
}
