using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PropertyHub.Features.Reception.Queue;

/// <summary>Tells a circuit's components when its connection comes back, so live pages re-read the database.</summary>
public sealed class CircuitConnection : CircuitHandler
{
    private int ups;

    /// <summary>Raised when the browser reconnects to this circuit (not on the first connection).</summary>
    public event Func<Task>? Reconnected;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref ups) > 1 && Reconnected is { } handler)
            await handler();
    }
}
