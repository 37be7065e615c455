using Microsoft.JSInterop;

namespace MailRelay.Web.Components.Shared;

/// <summary>
/// The time zone of the person looking at this circuit, read once from the browser
/// (wwwroot/js/viewer-time-zone.js). UTC until it is known: while prerendering, and when the
/// browser names no zone or one this server does not know.
/// </summary>
public sealed class ViewerTimeZone(IJSRuntime js)
{
    private const string Module = "./js/viewer-time-zone.js";
    private Task? _loading;

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Whether <see cref="Zone"/> came from the browser.</summary>
    public bool IsKnown { get; private set; }

    /// <summary>Whether times in <see cref="Zone"/> read the same as in UTC: not known, or a zone without offset (Etc/UTC).</summary>
    public bool IsUtc => !IsKnown || Zone.HasSameRules(TimeZoneInfo.Utc);

    /// <summary>Raised once, when the browser's zone becomes known.</summary>
    public event Action? Changed;

    /// <summary>Reads the browser's zone the first time it is called on a circuit; later calls share that read.</summary>
    public Task LoadAsync(CancellationToken cancellationToken) => _loading ??= ReadAsync(cancellationToken);

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        string? id;
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", cancellationToken, Module);
            id = await module.InvokeAsync<string?>("timeZone", cancellationToken);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or OperationCanceledException)
        {
            _loading = null;
            return;
        }
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)) return;
        Zone = zone;
        IsKnown = true;
        Changed?.Invoke();
    }
}
