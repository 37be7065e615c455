namespace MailRelay.Core.Outbound;

/// <summary>
/// Every credential's rates over <see cref="UsageReport.RateWindow"/>, read with one query and kept
/// for a minute, so a page of SMTP users (and every open page) costs one read, not one per row.
/// </summary>
public sealed class SendingRates(UsageReport report, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    // One reference, so a reader never sees figures from one read with the time of another.
    private Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyDictionary<string, OutboundRates> Rates, DateTimeOffset ReadAt);

    /// <summary>The credential's counts; all zero when SES reported nothing for it.</summary>
    public async Task<OutboundRates> ForAsync(string smtpUserId, CancellationToken cancellationToken)
    {
        var rates = await CurrentAsync(cancellationToken);
        return rates.TryGetValue(smtpUserId, out var found) ? found : new OutboundRates(smtpUserId, 0, 0, 0, 0);
    }

    /// <summary>Every credential SES reported on in the window.</summary>
    public async Task<IReadOnlyCollection<OutboundRates>> AllAsync(CancellationToken cancellationToken) =>
        [.. (await CurrentAsync(cancellationToken)).Values];

    /// <summary>Forgets the cached figures (new events were recorded).</summary>
    public void Invalidate() => _snapshot = null;

    private async Task<IReadOnlyDictionary<string, OutboundRates>> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } fresh && time.GetUtcNow() - fresh.ReadAt < CacheFor) return fresh.Rates;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } again && time.GetUtcNow() - again.ReadAt < CacheFor) return again.Rates;
            var rates = await report.RatesAsync(cancellationToken);
            _snapshot = new Snapshot(rates, time.GetUtcNow());
            return rates;
        }
        finally
        {
            _gate.Release();
        }
    }
}
