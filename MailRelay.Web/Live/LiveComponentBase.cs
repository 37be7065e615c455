using MailRelay.Core.Common;
using Microsoft.AspNetCore.Components;

namespace MailRelay.Web.Live;

/// <summary>
/// A page that shows relay state and follows it live: it re-queries when <see cref="RelayEvents"/>
/// says something it shows changed, instead of polling, and stops listening when it goes away.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private LiveRefresh? _live;

    protected LiveComponentBase() => Closing = _closing.Token;

    [Inject] protected RelayEvents RelayEvents { get; set; } = null!;

    [Inject] protected TimeProvider Time { get; set; } = null!;

    /// <summary>Cancelled when the page goes away (and still readable after that).</summary>
    protected CancellationToken Closing { get; }

    /// <summary>Starts listening; <paramref name="refreshAsync"/> runs on the page's dispatcher and is followed by a render.</summary>
    protected void FollowRelay(Func<RelayChange, bool> relevant, Func<Task> refreshAsync)
    {
        _live?.Dispose();
        _live = new LiveRefresh(RelayEvents, Time, relevant, _ => InvokeAsync(async () =>
        {
            try
            {
                await refreshAsync();
                StateHasChanged();
            }
            catch (Exception e) when (!_closing.IsCancellationRequested)
            {
                // Shown by the layout's error boundary like any other failure of the page.
                await DispatchExceptionAsync(e);
            }
        }));
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        _live?.Dispose();
        _closing.Cancel();
        _closing.Dispose();
    }
}
