using QueueLoad.Driver;
using QueueLoad.Instance;

namespace QueueLoad;

// No contact lost under load: two app instances, each its own OS process, on one PostgreSQL with Redis between them.
//   dotnet run -c Release --project bench/QueueLoad [-- --clerks 50 --hub-clients 200 --pages 20 --minutes 2]
// Without arguments (or with the options above) this process is the driver (Driver/Driver.cs): it starts PostgreSQL,
// Redis and the two instances, holds the hub clients and the browser, and reports. With --instance it is one app
// instance (Instance/InstanceMode.cs), started by the driver.
internal static class LoadBench
{
    public static Task<int> Main(string[] args) =>
        args.Contains(InstanceMode.Flag) ? InstanceMode.RunAsync(args) : LoadDriver.MainAsync(args);
}
