using Microsoft.JSInterop;

namespace MailRelay.Web.Components.Layout;

/// <summary>
/// The light or dark theme of one circuit. It follows the operating system's preference until the
/// viewer picks one with the app bar's toggle; the pick is kept in the browser's localStorage
/// (wwwroot/js/theme-choice.js) so the next visit starts with it.
/// </summary>
public sealed class ThemeState(IJSRuntime js) : IAsyncDisposable
{
    private const string Module = "./js/theme-choice.js";
    private IJSObjectReference? _module;
    private bool _systemIsDark;

    /// <summary>"light" or "dark" once the viewer has chosen; null while following the system.</summary>
    public string? Choice { get; private set; }

    public bool IsDark => Choice switch
    {
        "dark" => true,
        "light" => false,
        _ => _systemIsDark,
    };

    /// <summary>Raised when <see cref="IsDark"/> may have changed.</summary>
    public event Action? Changed;

    /// <summary>Takes the system's preference and the choice this browser saved; call once the circuit is interactive.</summary>
    public async Task LoadAsync(bool systemIsDark, CancellationToken cancellationToken)
    {
        _systemIsDark = systemIsDark;
        try
        {
            _module ??= await js.InvokeAsync<IJSObjectReference>("import", cancellationToken, Module);
            var saved = await _module.InvokeAsync<string?>("read", cancellationToken);
            if (saved is "light" or "dark") Choice = saved;
        }
        catch (JSException)
        {
            // No saved choice can be read: the system's preference stands.
        }
        Changed?.Invoke();
    }

    /// <summary>Switches to the other theme and saves that choice in the browser.</summary>
    public async Task ToggleAsync(CancellationToken cancellationToken)
    {
        Choice = IsDark ? "light" : "dark";
        Changed?.Invoke();
        try
        {
            if (_module is null) return;
            await _module.InvokeVoidAsync("write", cancellationToken, Choice);
        }
        catch (JSException)
        {
            // Not saved: the choice lasts for this circuit.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null) return;
        try
        {
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit has gone; so has the module.
        }
    }
}
