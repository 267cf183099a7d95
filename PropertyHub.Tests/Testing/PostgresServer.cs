using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PropertyHub.Tests.Testing;

/// <summary>
/// A private PostgreSQL server on a free loopback port in a temp folder (initdb + pg_ctl), shared by the
/// tests of one run. As root it runs as the "postgres" system user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static readonly Lazy<string?> BinFolder = new(FindBinFolder);
    private string? dataFolder;
    private int port;

    public static string? Unavailable => BinFolder.Value is null ? "PostgreSQL server binaries (initdb, pg_ctl) are not installed" : null;

    /// <summary>The port to listen on; 0 picks a free one when started.</summary>
    public int Port { get => port; init => port = value; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={port};Username=postgres;Password=postgres;Database={database};Pooling=true;Include Error Detail=true";

    public async Task InitializeAsync()
    {
        if (Unavailable is not null)
            return;
        var bin = BinFolder.Value!;
        dataFolder = Path.Combine(Path.GetTempPath(), "propertyhub-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            await RunAsync("chown", $"postgres:postgres {dataFolder}");
        var pwFile = Path.Combine(Path.GetTempPath(), "pgpw-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(pwFile, "postgres");
        if (asRoot)
            await RunAsync("chown", $"postgres:postgres {pwFile}");
        if (port == 0)
            port = FreePort();
        await RunPgAsync(asRoot, Path.Combine(bin, "initdb"), $"-D {dataFolder} -U postgres --pwfile={pwFile} -A scram-sha-256 -E UTF8 --locale=C.UTF-8");
        File.Delete(pwFile);
        await RunPgAsync(asRoot, Path.Combine(bin, "pg_ctl"),
            $"-D {dataFolder} -l {dataFolder}/server.log -w -t 60 -o \"-p {port} -k {dataFolder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start");
    }

    public async Task DisposeAsync()
    {
        if (dataFolder is null)
            return;
        var asRoot = Environment.UserName == "root";
        try
        {
            await RunPgAsync(asRoot, Path.Combine(BinFolder.Value!, "pg_ctl"), $"-D {dataFolder} -m immediate -w stop");
        }
        finally
        {
            try { Directory.Delete(dataFolder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static Task RunPgAsync(bool asRoot, string program, string arguments) =>
        asRoot ? RunAsync("runuser", $"-u postgres -- {program} {arguments}") : RunAsync(program, arguments);

    private static async Task RunAsync(string program, string arguments)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {arguments} exited {process.ExitCode}: {await stdout} {await stderr}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindBinFolder()
    {
        var root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var newest = Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => b, StringComparer.Ordinal)
                .FirstOrDefault();
            if (newest is not null)
                return newest;
        }
        return null;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

/// <summary>A test that needs a real PostgreSQL server: skipped with the reason by hand, failed under CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.Unavailable is { } reason && !TestEnvironment.IsCi)
            Skip = reason;
    }
}
