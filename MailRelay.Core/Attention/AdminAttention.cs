using MailRelay.Core.Common;
using MailRelay.Core.Domains;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Outbound;
using MailRelay.Core.Users;

namespace MailRelay.Core.Attention;

/// <summary>
/// What the admin dashboard answers: does anything need an admin? Waiting and failed deliveries,
/// Gmail connections lost or expiring within a day, credentials near SES's review rates, and DNS
/// records the last check did not find as expected. Each part reuses the rule its own page applies.
/// </summary>
public sealed class AdminAttention(IDeliveryStore deliveryStore, IUserStore userStore, IGmailConnectionStore connectionStore, SendingRates sendingRates,
    IDomainStore domainStore, TimeProvider time)
{
    /// <summary>Users are read in pages of this size to find their Gmail connections.</summary>
    private const int UserPage = 200;

    public async Task<AttentionReport> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var queues = await deliveryStore.SummarizeQueuesAsync(cancellationToken);
        var rates = await sendingRates.AllAsync(cancellationToken);
        return new AttentionReport(
            now,
            new DeliveryAttention(
                queues.Sum(q => q.Pending + q.Queued + q.Retrying + q.Held),
                queues.Sum(q => q.Held),
                queues.Sum(q => q.Failed),
                queues.Select(q => q.OldestWaitingSince).Where(s => s is not null).Min()),
            await GmailAsync(now, cancellationToken),
            [.. rates.Where(SendingRateThresholds.NearReview).OrderBy(r => r.SmtpUserId, StringComparer.Ordinal)],
            await DnsAsync(cancellationToken));
    }

    /// <summary>Connections in a state that needs the user to reconnect (or soon will), as the user's own status page names it.</summary>
    private async Task<IReadOnlyList<GmailAttentionItem>> GmailAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = new List<GmailAttentionItem>();
        for (var request = PageRequest.First(UserPage); ; )
        {
            var users = await userStore.ListUsersAsync(request, cancellationToken);
            foreach (var user in users.Items)
            {
                var connection = await connectionStore.FindGmailConnectionAsync(user.Id, cancellationToken);
                var state = GmailStatusReader.StateOf(connection, now);
                if (state is GmailState.Expired or GmailState.Revoked or GmailState.Disabled or GmailState.ExpiringSoon)
                    found.Add(new GmailAttentionItem(user.Id, user.DisplayName, state, connection?.ExpiresAt));
            }
            if (users.Next is null) break;
            request = new PageRequest(request.Skip + users.Items.Count, UserPage, users.Next);
        }
        return found;
    }

    /// <summary>Listed domains whose last check found a record not OK, or that were never checked.</summary>
    private async Task<IReadOnlyList<DnsAttentionItem>> DnsAsync(CancellationToken cancellationToken)
    {
        var found = new List<DnsAttentionItem>();
        var reports = (await domainStore.ListCheckReportsAsync(cancellationToken)).ToDictionary(r => r.Domain, StringComparer.OrdinalIgnoreCase);
        foreach (var domain in await domainStore.ListDomainsAsync(cancellationToken))
        {
            var report = reports.GetValueOrDefault(domain.Name);
            var notOk = report?.Records.Count(r => r.Status != DnsCheckStatus.Ok) ?? 0;
            if (report is null || notOk > 0) found.Add(new DnsAttentionItem(domain.Name, report is not null, notOk));
        }
        return found;
    }
}
