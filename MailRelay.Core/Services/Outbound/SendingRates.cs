using MailRelay.Core.Domain;
using MailRelay.Core.Services.Reports;

namespace MailRelay.Core.Services.Outbound;

/// <summary>
/// Every credential's rates over <see cref="UsageReport.RateWindow"/>, read with one query and kept
/// for a minute, so a page of SMTP users (and every open page) costs one read, not one per row.
/// </summary>
public sealed class SendingRates(UsageReport report, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyDictionary<string, OutboundRates>? _rates;
    private DateTimeOffset _readAt;

    /// <summary>The credential's counts; all zero when SES reported nothing for it.</summary>
    public async Task<OutboundRates> ForAsync(string smtpUserId, CancellationToken cancellationToken)
    {
        var rates = await CurrentAsync(cancellationToken);
        return rates.TryGetValue(smtpUserId, out var found) ? found : new OutboundRates(smtpUserId, 0, 0, 0, 0);
    }

    /// <summary>Forgets the cached figures (new events were recorded).</summary>
    public void Invalidate() => _rates = null;

    private async Task<IReadOnlyDictionary<string, OutboundRates>> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_rates is { } fresh && time.GetUtcNow() - _readAt < CacheFor) return fresh;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_rates is { } again && time.GetUtcNow() - _readAt < CacheFor) return again;
            var rates = await report.RatesAsync(cancellationToken);
            (_rates, _readAt) = (rates, time.GetUtcNow());
            return rates;
        }
        finally
        {
            _gate.Release();
        }
    }
}
