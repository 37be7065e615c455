using MailRelay.Core.Metrics;
using MailRelay.Web.Components.Admin;
using Microsoft.AspNetCore.Components;

namespace MailRelay.Web.Components.Shared;

/// <summary>
/// Reads only <see cref="QueueMetrics"/> (memory) and redraws when the sampler says so: an open
/// chart adds no store query, however many circuits show it.
/// </summary>
public sealed partial class QueueCharts : IDisposable
{
    private static readonly WindowChoice[] Windows = [new("Last hour", MetricsWindow.LastHour), new("24 hours", MetricsWindow.Last24Hours)];

    private MetricsWindow _window = MetricsWindow.LastHour;
    private QueueMetricsView _view = null!;
    private volatile bool _disposed;

    [Inject] private QueueMetrics Metrics { get; set; } = null!;

    /// <summary>Names for the per-user lines; an unknown user shows as its id.</summary>
    [Parameter] public IReadOnlyList<UserOption> Users { get; set; } = [];

    private bool ShowSeconds => _window == MetricsWindow.LastHour;

    private string OutcomesNow
    {
        get
        {
            if (_view.Outcomes.Count == 0) return "no deliveries yet";
            var counts = _view.Outcomes[^1].Counts;
            return $"{counts.Delivered} delivered, {counts.Queued} queued, {counts.Failed} failed";
        }
    }

    protected override void OnInitialized()
    {
        _view = Metrics.Snapshot(_window);
        Metrics.Changed += OnSampled;
    }

    private void SwitchWindow(MetricsWindow window)
    {
        _window = window;
        _view = Metrics.Snapshot(window);
    }

    private void OnSampled()
    {
        if (_disposed) return;
        // Raised on the sampler's thread: hand the redraw to this circuit's dispatcher.
        _ = RedrawAsync();
    }

    private async Task RedrawAsync()
    {
        try
        {
            await InvokeAsync(() =>
            {
                if (_disposed) return;
                _view = Metrics.Snapshot(_window);
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the sample and the redraw.
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Metrics.Changed -= OnSampled;
    }

    private sealed record WindowChoice(string Text, MetricsWindow Value);
}
