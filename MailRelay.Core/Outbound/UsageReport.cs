using System.Runtime.CompilerServices;
using MailRelay.Core.Common;

namespace MailRelay.Core.Outbound;

/// <summary>Inbound usage per user and day, outbound SES events per credential and day, and the credentials' rates.</summary>
public sealed class UsageReport(IUsageStore usageStore, TimeProvider time)
{
    /// <summary>SES judges an account by its recent sending; the SMTP users page uses the same window.</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromDays(30);

    /// <summary>The days asked for; a missing end is today (UTC), a missing start 30 days before the end, both included.</summary>
    public DayRange RangeOf(DateOnly? from, DateOnly? to)
    {
        var last = to ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return new DayRange(from ?? last.AddDays(-29), last);
    }

    public Task<Page<UsageRow>> ListInboundAsync(DayRange range, int skip, int take, CancellationToken cancellationToken) =>
        usageStore.ListUsageAsync(Checked(range), Paging.Skip(skip), Paging.Take(take), cancellationToken);

    public Task<Page<OutboundUsageRow>> ListOutboundAsync(DayRange range, int skip, int take, CancellationToken cancellationToken) =>
        usageStore.ListOutboundUsageAsync(Checked(range), Paging.Skip(skip), Paging.Take(take), cancellationToken);

    /// <summary>Each credential's counts over the last <see cref="RateWindow"/>, keyed by SMTP user id.</summary>
    public async Task<IReadOnlyDictionary<string, OutboundRates>> RatesAsync(CancellationToken cancellationToken) =>
        (await usageStore.SummarizeOutboundAsync(time.GetUtcNow() - RateWindow, cancellationToken)).ToDictionary(r => r.SmtpUserId, StringComparer.Ordinal);

    public Task ExportAsync(DayRange range, TextWriter writer, CancellationToken cancellationToken) =>
        CsvExport.WriteUsageAsync(AllAsync(ListInboundAsync, range, cancellationToken), AllAsync(ListOutboundAsync, range, cancellationToken), writer, cancellationToken);

    private static async IAsyncEnumerable<T> AllAsync<T>(Func<DayRange, int, int, CancellationToken, Task<Page<T>>> list, DayRange range,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var skip = 0; ; skip += Paging.MaxTake)
        {
            var page = await list(range, skip, Paging.MaxTake, cancellationToken);
            foreach (var item in page.Items) yield return item;
            if (page.Items.Count < Paging.MaxTake) yield break;
        }
    }

    private static DayRange Checked(DayRange range) =>
        range.Problem() is { } problem ? throw new ArgumentException(problem, nameof(range)) : range;
}
