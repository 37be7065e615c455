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
            // MudBlazor's default status colours carry white text below WCAG's 4.5:1 (axe fails them):
            // these darker shades keep the meaning and reach at least 4.5:1 against white.
            Success = "#2e7d32",
            Info = "#01579b",
            Warning = "#a04a00",
            Error = "#c62828",
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
