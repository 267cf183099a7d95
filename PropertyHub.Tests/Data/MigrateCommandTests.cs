using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace PropertyHub.Tests.Data;

/// <summary>The built app run as a process, as an operator would run it.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "propertyhub-migrate-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, true); } catch (IOException) { }
    }

    [Fact]
    public async Task MigrateFlag_FreshSqliteFile_CreatesTheSchemaSeedsNothingAndExits()
    {
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "ops.db");
        var app = Path.Combine(AppContext.BaseDirectory, "PropertyHub.dll");
        var info = new ProcessStartInfo("dotnet", [app, "--migrate"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__ConnectionString"] = $"Data Source={database}";

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await output + await errors);
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=false");
        await connection.OpenAsync();
        var tables = connection.CreateCommand();
        tables.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('Units', 'Occupants', 'AuditEntries', 'ScheduledRuns', 'AspNetUsers')";
        Assert.Equal(5L, (long)(await tables.ExecuteScalarAsync())!);
        var units = connection.CreateCommand();
        units.CommandText = "SELECT COUNT(*) FROM Units";
        Assert.Equal(0L, (long)(await units.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task MigrateFlag_DatabaseNotAnswering_OneLineNamingTheServerAndExitCode1()
    {
        Directory.CreateDirectory(folder);
        var port = PostgresServer.FreePort();
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "PropertyHub.dll"), "--migrate"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = "Postgres";
        info.Environment["Database__ConnectionString"] = $"Host=127.0.0.1;Port={port};Database=ops;Username=ops;Password=secret-pw;Timeout=3";

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        var all = await output + await errors;
        Assert.True(process.ExitCode == 1, all);
        Assert.Contains($"Migration failed (Unreachable) on Postgres at 127.0.0.1:{port}/ops as ops", all);
        Assert.DoesNotContain("secret-pw", all);
        Assert.DoesNotContain("   at ", all);
    }
}
