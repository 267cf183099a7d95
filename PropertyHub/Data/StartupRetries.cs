using Microsoft.EntityFrameworkCore.Storage;

namespace PropertyHub.Data;

/// <summary>
/// Start-up waits for its database with its own loop (one clear log line per attempt, health probes answered meanwhile),
/// so while it prepares the database EF Core's retrying strategy stands aside: otherwise each attempt would first spend
/// a minute in EF's silent retries, logging a stack trace for each. Everywhere else the configured strategy retries.
/// </summary>
public static class StartupRetries
{
    private static readonly AsyncLocal<bool> suspended = new();

    /// <summary>Until disposed (or the calling async method returns), contexts on this flow do not retry.</summary>
    public static IDisposable Suspend()
    {
        suspended.Value = true;
        return new Resume();
    }

    /// <summary>The provider's retrying strategy, or none while start-up prepares the database.</summary>
    public static IExecutionStrategy Choose(ExecutionStrategyDependencies dependencies, Func<ExecutionStrategyDependencies, IExecutionStrategy> retrying) =>
        suspended.Value ? new NonRetryingExecutionStrategy(dependencies) : retrying(dependencies);

    private sealed class Resume : IDisposable
    {
        public void Dispose() => suspended.Value = false;
    }
}
