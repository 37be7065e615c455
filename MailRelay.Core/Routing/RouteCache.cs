namespace MailRelay.Core.Routing;

/// <summary>
/// Routes change rarely and are read for every message, so the table is kept for a few seconds.
/// A change made here drops it at once; another instance's change shows within <see cref="Lifetime"/>.
/// </summary>
public sealed class RouteCache(IRouteStore routeStore, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private volatile Entry? _entry;

    public async Task<RouteTable> GetAsync(CancellationToken cancellationToken)
    {
        if (_entry is { } entry && entry.Until > time.GetUtcNow()) return entry.Table;
        var table = new RouteTable(await routeStore.ListRoutesAsync(cancellationToken));
        _entry = new Entry(table, time.GetUtcNow() + Lifetime);
        return table;
    }

    public void Invalidate() => _entry = null;

    private sealed record Entry(RouteTable Table, DateTimeOffset Until);
}
