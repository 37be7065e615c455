using Microsoft.Playwright;

namespace MailRelay.Tests.E2E;

/// <summary>
/// A circuit that starts slowly, as on a loaded server: the page's WebSocket to Blazor's hub runs
/// through Playwright, which holds back what the server sends once the browser asked to start the
/// circuit (StartCircuit), until <see cref="Release"/>.
/// </summary>
public sealed class SlowCircuitStart : IAsyncDisposable
{
    private readonly IPage _page;
    private readonly Lock _gate = new();
    private readonly List<(IWebSocketRoute To, IWebSocketFrame Frame)> _held = [];
    private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _holding = true;

    private SlowCircuitStart(IPage page) => _page = page;

    /// <summary>Completes when the browser has asked the server to start a circuit.</summary>
    public Task Asked => _asked.Task;

    public static async Task<SlowCircuitStart> HoldAsync(IPage page)
    {
        var slow = new SlowCircuitStart(page);
        await page.RouteWebSocketAsync("**/_blazor**", slow.Relay);
        return slow;
    }

    /// <summary>Sends on what was held, and everything from now on as it comes.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _holding = false;
            foreach (var (to, frame) in _held) TrySend(to, frame);
            _held.Clear();
        }
    }

    private void Relay(IWebSocketRoute browserSide)
    {
        var serverSide = browserSide.ConnectToServer();
        browserSide.OnMessage(frame =>
        {
            if (Mentions(frame, "StartCircuit")) _asked.TrySetResult();
            TrySend(serverSide, frame);
        });
        // Under the lock, so nothing overtakes what was held.
        serverSide.OnMessage(frame =>
        {
            lock (_gate)
            {
                if (_holding && _asked.Task.IsCompleted) _held.Add((browserSide, frame));
                else TrySend(browserSide, frame);
            }
        });
    }

    // SignalR's MessagePack protocol writes a hub method's name as plain text.
    private static bool Mentions(IWebSocketFrame frame, string method) =>
        frame.Text?.Contains(method, StringComparison.Ordinal)
        ?? System.Text.Encoding.UTF8.GetString(frame.Binary ?? []).Contains(method, StringComparison.Ordinal);

    // A socket whose page has gone (a full page load) takes nothing more.
    private static void TrySend(IWebSocketRoute to, IWebSocketFrame frame)
    {
        try
        {
            if (frame.Binary is { } binary) to.Send(binary);
            else to.Send(frame.Text ?? "");
        }
        catch (PlaywrightException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
    }
}
