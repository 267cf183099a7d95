using System.Diagnostics;
using System.Net.Http.Json;

namespace QueueCircuits;

/// <summary>The driver's handle on the server process started with <c>--serve</c>.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient http;

    private ServerProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
        http = new HttpClient { BaseAddress = new Uri(baseUrl + "/_bench/"), Timeout = TimeSpan.FromMinutes(2) };
    }

    public string BaseUrl { get; }

    public int Id => process.Id;

    public static async Task<ServerProcess> StartAsync()
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var self = Environment.GetCommandLineArgs()[0];
        if (self.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            info.ArgumentList.Add(self);
        info.ArgumentList.Add("--serve");
        var process = Process.Start(info) ?? throw new InvalidOperationException("The server process did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(BenchServer.ReadyLine, StringComparison.Ordinal))
            {
                // Keep draining its output so the server never blocks on a full pipe.
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                return new ServerProcess(process, line[BenchServer.ReadyLine.Length..]);
            }
            Console.WriteLine("  server: " + line);
        }
        throw new InvalidOperationException("The server process ended before it listened.");
    }

    public Task<Stats> StatsAsync() => GetAsync("stats");

    /// <summary>The server's managed heap after a full collection, in its own process.</summary>
    public Task<Stats> HeapAsync() => GetAsync("heap");

    public async Task LogOpenItemsAsync(int count) => await http.GetStringAsync($"log?count={count}");

    private async Task<Stats> GetAsync(string path) =>
        await http.GetFromJsonAsync<Stats>(path) ?? throw new InvalidOperationException("No answer from the server process.");

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        try
        {
            process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
        process.Dispose();
    }
}
