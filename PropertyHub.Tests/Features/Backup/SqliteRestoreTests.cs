using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Backup;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Tests.Features.Backup;

/// <summary>The restore steps of the README ("Restore a SQLite backup"), done as written, on a database the app made.</summary>
public sealed class SqliteRestoreTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "propertyhub-restore", Guid.NewGuid().ToString("N"));

    public SqliteRestoreTests() => Directory.CreateDirectory(folder);

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private string Database => Path.Combine(folder, "propertyhub.db");

    private AppFactory App() => new()
    {
        ConnectionString = $"Data Source={Database}",
        Settings = { ["Backup:Folder"] = Path.Combine(folder, "backups") },
    };

    [Fact]
    public async Task Restore_BackupFileReplacesTheDatabaseWithWalAndShmRemoved_AppStartsOnThePreChangeData()
    {
        string backup, original;
        await using (var app = App())
        {
            _ = app.NewClient();
            var duty = (SqliteBackupDuty)app.Services.GetServices<IScheduledDuty>().Single(d => d.Name == SqliteBackupDuty.DutyName);
            await duty.RunAsync("2026-12-04", CancellationToken.None);
            backup = Path.Combine(duty.Folder, "propertyhub-2026-12-04.db");
            await using var db = await app.CreateDbContextAsync();
            var estate = await db.Estates.OrderBy(e => e.Id).FirstAsync();
            original = estate.Name;
            estate.Name = "改错的名字";
            await db.SaveChangesAsync();
            // The change is still in the write-ahead log while the app runs.
            Assert.True(File.Exists(Database + "-wal"));
        }

        // 1. the app is stopped (above); 2. the current file is kept aside and the backup put in its place;
        // 3. the -wal and -shm files of the replaced database are removed; 4. the app is started.
        File.Move(Database, Database + ".before-restore");
        File.Copy(backup, Database);
        File.Delete(Database + "-wal");
        File.Delete(Database + "-shm");

        await using var restored = App();
        Assert.Equal(HttpStatusCode.OK, (await restored.NewClient().GetAsync("/health/ready")).StatusCode);
        await using var check = await restored.CreateDbContextAsync();
        Assert.Equal(original, await check.Estates.OrderBy(e => e.Id).Select(e => e.Name).FirstAsync());
        Assert.Equal(300, await check.Units.CountAsync());
        Assert.NotEqual("改错的名字", original);
    }
}
