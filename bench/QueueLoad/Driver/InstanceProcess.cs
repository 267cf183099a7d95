using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using QueueLoad.Instance;

namespace QueueLoad.Driver;

/// <summary>
/// The driver's handle on one instance: this same program started again as its own OS process with
/// <c>--instance</c>. Its output is passed on, each line prefixed with the instance's name; it ends when its
/// standard input is closed (and is killed if it does not end within 30 s, or when the driver exits).
/// </summary>
internal sealed class InstanceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient control;

    private InstanceProcess(string name, Process process, ReadyInfo ready, TimeSpan longestCall)
    {
        Name = name;
        this.process = process;
        App = new Uri(ready.App);
        Echo = new Uri(ready.Echo);
        control = new HttpClient { BaseAddress = new Uri(Echo, "_bench/"), Timeout = longestCall };
    }

    public string Name { get; }

    /// <summary>The real app's address (Kestrel on loopback).</summary>
    public Uri App { get; }

    /// <summary>The same process's echo host: the baseline hub and page, and the control endpoints.</summary>
    public Uri Echo { get; }

    public int Id => process.Id;


    public static async Task<InstanceProcess> StartAsync(string name, string database, string redis, TimeSpan longestCall, CancellationToken ct)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Under `dotnet QueueLoad.dll` the program is dotnet and the first argument the dll; the apphost runs alone.
        var self = Environment.GetCommandLineArgs()[0];
        if (self.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            info.ArgumentList.Add(self);
        foreach (var argument in new[] { InstanceMode.Flag, name, "--database", database, "--redis", redis })
            info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Instance {name} did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(ReadyInfo.Prefix, StringComparison.Ordinal))
            {
                var ready = JsonSerializer.Deserialize<ReadyInfo>(line[ReadyInfo.Prefix.Length..])!;
                _ = PassOnAsync(name, process.StandardOutput);
                return new InstanceProcess(name, process, ready, longestCall);
            }
            Console.WriteLine($"  [{name}] {line}");
        }
        throw new InvalidOperationException($"Instance {name} ended before it listened (exit code {process.ExitCode}).");
    }

    /// <summary>Keeps reading the instance's output (so it never blocks on a full pipe) and shows it.</summary>
    private static async Task PassOnAsync(string name, StreamReader output)
    {
        try
        {
            while (await output.ReadLineAsync() is { } line)
                Console.WriteLine($"  [{name}] {line}");
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
    }

    public async Task<EstateInfo> EstateAsync(CancellationToken ct) =>
        await control.GetFromJsonAsync<EstateInfo>("estate", ct) ?? throw new InvalidOperationException("No estate from " + Name);

    /// <summary>Runs this instance's clerks to the end of the schedule; what each was told.</summary>
    public Task<Attempt[]> LogContactsAsync(Schedule schedule, CancellationToken ct) => PostAsync<Attempt[]>("clerks", schedule, ct);

    /// <summary>Runs this instance's share of the echo baseline; when each marker was sent.</summary>
    public Task<Sent[]> EchoAsync(Schedule schedule, CancellationToken ct) => PostAsync<Sent[]>("echo", schedule, ct);

    private async Task<T> PostAsync<T>(string path, Schedule schedule, CancellationToken ct)
    {
        using var response = await control.PostAsJsonAsync(path, schedule, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(ct) ?? throw new InvalidOperationException($"No answer from {Name} to {path}");
    }

    /// <summary>Synchronous, for the driver's exit handlers.</summary>
    public void Kill()
    {
        if (disposed)
            return;
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or System.ComponentModel.Win32Exception) { }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
            return;
        disposed = true;
        control.Dispose();
        try
        {
            process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
        process.Dispose();
    }

    private bool disposed;
}
