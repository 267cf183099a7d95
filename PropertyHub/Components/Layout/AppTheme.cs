using MudBlazor;

namespace PropertyHub.Components.Layout;

/// <summary>The product's colours and fonts, shared by the app and the sign-in pages.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1f5f8b", Secondary = "#c27c0e", AppbarBackground = "#1f5f8b" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Roboto", "sans-serif"] },
        },
    };
}
