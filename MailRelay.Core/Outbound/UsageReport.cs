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

    public Task<Page<UsageRow>> ListInboundAsync(DayRange range, PageRequest page, CancellationToken cancellationToken) =>
        usageStore.ListUsageAsync(Checked(range), page.Clamped(), cancellationToken);

    public Task<Page<OutboundUsageRow>> ListOutboundAsync(DayRange range, PageRequest page, CancellationToken cancellationToken) =>
        usageStore.ListOutboundUsageAsync(Checked(range), page.Clamped(), cancellationToken);

    /// <summary>Each credential's counts over the last <see cref="RateWindow"/>, keyed by SMTP user id.</summary>
    public async Task<IReadOnlyDictionary<string, OutboundRates>> RatesAsync(CancellationToken cancellationToken) =>
        (await usageStore.SummarizeOutboundAsync(time.GetUtcNow() - RateWindow, cancellationToken)).ToDictionary(r => r.SmtpUserId, StringComparer.Ordinal);

    public Task ExportAsync(DayRange range, TextWriter writer, CancellationToken cancellationToken) =>
        CsvExport.WriteUsageAsync(AllAsync(ListInboundAsync, range, cancellationToken), AllAsync(ListOutboundAsync, range, cancellationToken), writer, cancellationToken);

    /// <summary>Every row, page after page by cursor: each page costs the same however far the export is.</summary>
    private static async IAsyncEnumerable<T> AllAsync<T>(Func<DayRange, PageRequest, CancellationToken, Task<Page<T>>> list, DayRange range,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = PageRequest.First(Paging.MaxTake);
        while (true)
        {
            var page = await list(range, request, cancellationToken);
            foreach (var item in page.Items) yield return item;
            if (page.Next is null) yield break;
            request = new PageRequest(request.Skip + page.Items.Count, Paging.MaxTake, page.Next);
        }
    }

    private static DayRange Checked(DayRange range) =>
        range.Problem() is { } problem ? throw new ArgumentException(problem, nameof(range)) : range;
}
