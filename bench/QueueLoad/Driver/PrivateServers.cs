using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace QueueLoad.Driver;

/// <summary>
/// A private PostgreSQL 15 on a free loopback port in a temp folder (as PropertyHub.Tests' PostgresServer does;
/// as root it runs as the "postgres" system user). <c>track_commit_timestamp</c> is on, so the database itself
/// says when each row was committed: <c>pg_xact_commit_timestamp(xmin)</c>.
/// </summary>
internal sealed class PrivatePostgres
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "propertyhub-load-pg-" + Guid.NewGuid().ToString("N"));
    private readonly bool asRoot = Environment.UserName == "root";
    private int port;
    private int stopped;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={port};Username=postgres;Password=postgres;Database={database};Pooling=true;Maximum Pool Size=100";

    /// <summary>The postmaster's process id (its server processes are its children), 0 if not running.</summary>
    public int ProcessId
    {
        get
        {
            try { return int.Parse(File.ReadLines(Path.Combine(dataFolder, "postmaster.pid")).First()); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException) { return 0; }
        }
    }

    public async Task StartAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "initdb")))
            throw new InvalidOperationException($"PostgreSQL binaries not found in {Bin}");
        Directory.CreateDirectory(dataFolder);
        var pwFile = Path.Combine(Path.GetTempPath(), "pgpw-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(pwFile, "postgres");
        if (asRoot)
        {
            await Processes.RunAsync("chown", $"postgres:postgres {dataFolder}");
            await Processes.RunAsync("chown", $"postgres:postgres {pwFile}");
        }
        port = Processes.FreePort();
        await RunPgAsync("initdb", $"-D {dataFolder} -U postgres --pwfile={pwFile} -A scram-sha-256 -E UTF8 --locale=C.UTF-8");
        File.Delete(pwFile);
        await RunPgAsync("pg_ctl", $"-D {dataFolder} -l {dataFolder}/server.log -w -t 60 -o \"-p {port} -k {dataFolder} " +
            "-c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300 -c track_commit_timestamp=on\" start");
    }

    /// <summary>Synchronous so that it can run from ProcessExit (the watchdog's exit) as well.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0 || port == 0)
            return;
        try
        {
            var (program, arguments) = Command("pg_ctl", $"-D {dataFolder} -m immediate -w stop");
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            process.WaitForExit(30_000);
        }
        finally
        {
            try { Directory.Delete(dataFolder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private Task RunPgAsync(string tool, string arguments)
    {
        var (program, args) = Command(tool, arguments);
        return Processes.RunAsync(program, args);
    }

    private (string Program, string Arguments) Command(string tool, string arguments) =>
        asRoot ? ("runuser", $"-u postgres -- {Path.Combine(Bin, tool)} {arguments}") : (Path.Combine(Bin, tool), arguments);
}

/// <summary>A private redis-server on a free loopback port, nothing saved to disk.</summary>
internal sealed class PrivateRedis
{
    private Process? process;

    public string Connection { get; private set; } = "";

    public async Task StartAsync()
    {
        var port = Processes.FreePort();
        process = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var wait = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (wait.Elapsed < TimeSpan.FromSeconds(15) && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
        Connection = $"127.0.0.1:{port}";
    }

    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit(10_000);
        }
        process?.Dispose();
        process = null;
    }
}

internal static class Processes
{
    public static async Task RunAsync(string program, string arguments)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {arguments} exited {process.ExitCode}: {await stdout} {await stderr}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
