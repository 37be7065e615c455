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
            // Darker than MudBlazor's defaults so status text (chips, outlined alerts) reaches 4.5:1 on white.
            Success = "#2e7d32",
            Warning = "#b45309",
            Error = "#c62828",
            Info = "#0277bd",
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
