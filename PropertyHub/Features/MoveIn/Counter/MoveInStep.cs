using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PropertyHub.Resources;

namespace PropertyHub.Features.MoveIn;

/// <summary>
/// One step of the move-in page: it shows the sheet and reports each save (or refusal) to the page. A refusal of the whole
/// step is said where the clerk is (a snackbar beside the button pressed, not at the top of a long page), and goes with the next change.
/// </summary>
public abstract class MoveInStep : ComponentBase
{
    [Parameter, EditorRequired]
    public MoveInSheet Sheet { get; set; } = default!;

    [Parameter]
    public EventCallback<MoveInResult> Changed { get; set; }

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<MoveInText> StepText { get; set; } = default!;

    protected bool Busy { get; private set; }

    protected async Task RunAsync(Func<Task<MoveInResult>> step)
    {
        if (Busy)
            return;
        Busy = true;
        try
        {
            var result = await step();
            if (!result.Ok)
                Snackbar.Add(MoveInMessages.Text(StepText, result.Errors.Values.First()), Severity.Error);
            await Changed.InvokeAsync(result);
        }
        finally
        {
            Busy = false;
        }
    }
}
