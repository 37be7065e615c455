using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Routing;
using MailRelay.Core.Smtp;

namespace MailRelay.Core.Users;

/// <summary>
/// The Users page and <c>GET /api/admin/users/overview</c>: every user with their Gmail connection,
/// their addresses, their SMTP credentials and their waiting mail. Users, routes and SMTP users are
/// read whole (a relay has people by the hundred) so the search can match across them; the Gmail
/// connection and the queue are read only for the page shown.
/// </summary>
public sealed class UserOverview(
    IUserStore userStore, IRouteStore routeStore, ISmtpUserStore smtpUserStore, IGmailConnectionStore gmailStore,
    IDeliveryStore deliveryStore, TimeProvider time)
{
    public async Task<Page<UserSummary>> ListAsync(UserOverviewQuery query, CancellationToken cancellationToken)
    {
        var skip = Paging.Skip(query.Skip);
        var take = Paging.Take(query.Take);
        var users = await AllUsersAsync(cancellationToken);
        var addresses = AddressesByUser(await routeStore.ListRoutesAsync(cancellationToken));
        var logins = (await AllSmtpUsersAsync(cancellationToken)).ToLookup(s => s.OwnerUserId, StringComparer.Ordinal);
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var matching = users
            .Where(u => search is null || Matches(u, addresses[u.Id], logins[u.Id], search))
            .ToList();

        var now = time.GetUtcNow();
        var page = new List<UserSummary>();
        foreach (var user in matching.Skip(skip).Take(take))
        {
            var connection = await gmailStore.FindGmailConnectionAsync(user.Id, cancellationToken);
            var queue = await deliveryStore.SummarizeUserQueueAsync(user.Id, null, cancellationToken);
            page.Add(new UserSummary(user, GmailStatusReader.StateOf(connection, now), connection?.GmailAddress, connection?.ExpiresAt,
                addresses[user.Id].ToList(),
                logins[user.Id].Select(s => new UserSummary.SmtpLogin(s.Id, s.Name, s.Status, s.AccessKeyId)).ToList(),
                queue.Pending + queue.Queued + queue.Retrying));
        }
        return new Page<UserSummary>(page, skip, take, matching.Count);
    }

    private static bool Matches(AppUser user, IEnumerable<UserSummary.Address> addresses, IEnumerable<SmtpUser> logins, string search) =>
        Contains(user.DisplayName, search) || Contains(user.Email, search) || Contains(user.Id, search)
        || addresses.Any(a => Contains(a.Pattern, search)) || logins.Any(s => Contains(s.Name, search));

    private static bool Contains(string value, string search) => value.Contains(search, StringComparison.OrdinalIgnoreCase);

    private static ILookup<string, UserSummary.Address> AddressesByUser(IReadOnlyList<MailRoute> routes) =>
        routes.SelectMany(r => r.Actions.Where(a => a.UserId is not null).Select(a => (a.UserId!, new UserSummary.Address(r.Id, r.Pattern, a.Kind))))
            .OrderBy(x => x.Item2.Pattern, StringComparer.Ordinal)
            .ToLookup(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

    private async Task<List<AppUser>> AllUsersAsync(CancellationToken cancellationToken)
    {
        var users = new List<AppUser>();
        string? after = null;
        do
        {
            var page = await userStore.ListUsersAsync(new PageRequest(users.Count, Paging.MaxTake, after), cancellationToken);
            users.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);
        return users;
    }

    private async Task<List<SmtpUser>> AllSmtpUsersAsync(CancellationToken cancellationToken)
    {
        var smtpUsers = new List<SmtpUser>();
        string? after = null;
        do
        {
            var page = await smtpUserStore.ListSmtpUsersAsync(new SmtpUserQuery(Skip: smtpUsers.Count, Take: Paging.MaxTake, After: after), cancellationToken);
            smtpUsers.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);
        return smtpUsers;
    }
}
