using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>
/// Hangfire keeps its log provider in a static. When a process hosts the app more than once (test servers),
/// a later host must not inherit a logger factory an earlier host already disposed.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
