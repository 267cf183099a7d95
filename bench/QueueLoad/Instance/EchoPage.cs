using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace QueueLoad.Instance;

// Written as plain components rather than .razor files: a .razor file here would give this project its own copy of
// the Blazor framework script beside the one PropertyHub brings, which the static-web-assets build rejects as a
// duplicate (dotnet/sdk#52089).

/// <summary>The baseline page's document at /echo: no layout, no MudBlazor, no sign-in; only <see cref="EchoPage"/> is interactive.</summary>
[Route("/echo")]
public sealed class EchoDocument : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.AddMarkupContent(0, "<!DOCTYPE html>");
        builder.OpenElement(1, "html");
        builder.AddMarkupContent(2, "<head><meta charset=\"utf-8\" /><base href=\"/\" /><title>echo</title></head>");
        builder.OpenElement(3, "body");
        builder.OpenComponent<EchoPage>(4);
        builder.AddComponentRenderMode(RenderMode.InteractiveServer);
        builder.CloseComponent();
        builder.AddMarkupContent(5, "<script src=\"_framework/blazor.web.js\"></script>");
        builder.CloseElement();
        builder.CloseElement();
    }
}

/// <summary>
/// The Blazor baseline: each echoed marker is pushed into a table like the queue's (newest first, at most 50 rows,
/// the marker in a <c>td.queue-excerpt</c> cell), with no database read and no other work.
/// </summary>
public sealed class EchoPage : ComponentBase, IDisposable
{
    private readonly List<string> markers = [];
    private bool interactive;

    [Inject]
    public EchoFeed Feed { get; set; } = null!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "table");
        builder.AddAttribute(1, "data-interactive", interactive ? "true" : "false");
        builder.OpenElement(2, "tbody");
        foreach (var marker in markers)
        {
            builder.OpenElement(3, "tr");
            builder.SetKey(marker);
            builder.OpenElement(4, "td");
            builder.AddAttribute(5, "class", "queue-excerpt");
            builder.AddContent(6, marker);
            builder.CloseElement();
            builder.CloseElement();
        }
        builder.CloseElement();
        builder.CloseElement();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Runs only once the circuit is up (never while prerendering): subscribe then, and say so to the driver.
        if (!firstRender)
            return;
        Feed.Echoed += OnEchoed;
        interactive = true;
        StateHasChanged();
    }

    private void OnEchoed(string marker) => _ = InvokeAsync(() =>
    {
        markers.Insert(0, marker);
        if (markers.Count > 50)
            markers.RemoveAt(markers.Count - 1);
        StateHasChanged();
    });

    public void Dispose() => Feed.Echoed -= OnEchoed;
}
