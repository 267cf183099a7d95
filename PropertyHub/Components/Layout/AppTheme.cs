using MudBlazor;

namespace PropertyHub.Components.Layout;

/// <summary>The product's colours and fonts, shared by the app and the sign-in pages.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        // Every colour used for text or under white text reaches 4.5:1 on white (WCAG AA; checked by axe in the browser tests).
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            Secondary = "#8a5300",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#8f5200",
            Error = "#c62828",
            TextSecondary = "rgba(0,0,0,0.68)",
            AppbarBackground = "#1f5f8b",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Roboto", "sans-serif"] },
        },
    };
}
