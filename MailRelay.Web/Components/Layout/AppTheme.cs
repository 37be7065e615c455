using MudBlazor;

namespace MailRelay.Web.Components.Layout;

/// <summary>MailRelay's light and dark palettes. No web fonts: the CSP allows fonts from this origin only.</summary>
public static class AppTheme
{
    public static MudTheme Instance { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            AppbarBackground = "#1565c0",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#90caf9",
            AppbarBackground = "#1e1e2d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
