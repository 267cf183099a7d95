using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PropertyHub.Tests.Features.Reception;

/// <summary>
/// A private redis-server on a free loopback port, without persistence, shared by the tests of one class.
/// </summary>
public sealed class WorkQueueRedisServer : IAsyncLifetime
{
    private static readonly Lazy<string?> Binary = new(FindBinary);
    private Process? process;

    public static string? Unavailable => Binary.Value is null ? "redis-server is not installed" : null;

    public int Port { get; private set; }

    public string Connection => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        if (Unavailable is not null)
            return;
        Port = FreePort();
        var info = new ProcessStartInfo(Binary.Value!)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes" })
            info.ArgumentList.Add(arg);
        process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"redis-server exited with {process.ExitCode}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"redis-server did not listen on port {Port}");
    }

    public async Task DisposeAsync()
    {
        if (process is null || process.HasExited)
            return;
        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
}

/// <summary>A test that needs redis-server: skipped with the reason by hand, failed under CI.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (WorkQueueRedisServer.Unavailable is { } reason && !TestEnvironment.IsCi)
            Skip = reason;
    }
}
