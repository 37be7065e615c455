using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace MailRelay.Web.Components.Layout;

public partial class MainLayout
{
    private readonly CancellationTokenSource _disposed = new();
    private MudThemeProvider? _themeProvider;
    private ErrorBoundary? _errorBoundary;

    // Open on a wide screen; the responsive drawer closes itself below the breakpoint (phones) and
    // the menu button opens it over the page there.
    private bool _drawerOpen = true;

    [Inject] private ThemeState ThemeState { get; set; } = null!;

    protected override void OnInitialized() => ThemeState.Changed += OnThemeChanged;

    // A page that failed should not keep the error showing after the user navigates away.
    protected override void OnParametersSet() => _errorBoundary?.Recover();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _themeProvider is null) return;
        try
        {
            var systemIsDark = await _themeProvider.GetSystemDarkModeAsync();
            await ThemeState.LoadAsync(systemIsDark, _disposed.Token);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The page closed while the theme was read: nothing is left to show it on.
        }
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private Task ToggleThemeAsync() => ThemeState.ToggleAsync(_disposed.Token);

    private void OnThemeChanged() => InvokeAsync(StateHasChanged);

    public void Dispose()
    {
        ThemeState.Changed -= OnThemeChanged;
        // Cancelled, not disposed: a render still awaiting the browser may read its token afterwards.
        _disposed.Cancel();
    }
}
