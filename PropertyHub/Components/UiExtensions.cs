using MudBlazor.Services;

namespace PropertyHub.Components;

public static class UiExtensions
{
    public static WebApplicationBuilder AddUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        return builder;
    }

    public static WebApplication MapUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        // SecurityHeaders already sends one full Content-Security-Policy with frame-ancestors 'none'.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
