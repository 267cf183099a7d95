using System.Text.Json;

namespace QueueLoad.Instance;

/// <summary>
/// One app instance, in its own OS process, started by the driver:
/// <c>QueueLoad --instance A --database "Host=…" --redis 127.0.0.1:port</c>. It hosts the real app on Kestrel
/// (<see cref="AppInstance"/>) and, beside it in the same process, the <see cref="InstanceHost"/>: the bare echo
/// baseline and the driver's control endpoints, which run this instance's share of the simulated clerks. It prints
/// one <see cref="ReadyInfo"/> line when both listen, and ends when the driver closes its standard input (or dies).
/// </summary>
internal static class InstanceMode
{
    public const string Flag = "--instance";

    public static async Task<int> RunAsync(string[] args)
    {
        var name = Value(args, Flag);
        await using var app = new AppInstance(name, Value(args, "--database"), Value(args, "--redis"));
        // Starts the app: the first instance migrates and seeds, the second finds it done.
        var appAddress = app.BaseAddress;
        await using var host = await InstanceHost.StartAsync(app, Value(args, "--redis"));
        Console.WriteLine(ReadyInfo.Prefix + JsonSerializer.Serialize(new ReadyInfo(appAddress.ToString(), host.BaseAddress.ToString(), Environment.ProcessId)));
        await Console.In.ReadToEndAsync();
        return 0;
    }

    private static string Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} is required in instance mode");
    }
}
