using Microsoft.AspNetCore.Components;

namespace PropertyHub.Features.MoveIn;

/// <summary>One step of the move-in page: it shows the sheet and reports each save (or refusal) to the page.</summary>
public abstract class MoveInStep : ComponentBase
{
    [Parameter, EditorRequired]
    public MoveInSheet Sheet { get; set; } = default!;

    [Parameter]
    public EventCallback<MoveInResult> Changed { get; set; }

    protected bool Busy { get; private set; }

    protected async Task RunAsync(Func<Task<MoveInResult>> step)
    {
        if (Busy)
            return;
        Busy = true;
        try
        {
            await Changed.InvokeAsync(await step());
        }
        finally
        {
            Busy = false;
        }
    }
}
