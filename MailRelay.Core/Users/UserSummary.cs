using MailRelay.Core.Gmail;
using MailRelay.Core.Routing;
using MailRelay.Core.Smtp;

namespace MailRelay.Core.Users;

/// <summary>
/// One user as admins see them on the Users page: their sign-in, their Gmail connection, the
/// addresses routed to them, their SMTP credentials and how much of their mail waits.
/// </summary>
/// <param name="Waiting">Their deliveries not done yet (pending, queued or retrying): what "deliver now" would make due.</param>
public sealed record UserSummary(
    AppUser User,
    GmailState GmailState,
    string? GmailAddress,
    DateTimeOffset? GmailExpiresAt,
    IReadOnlyList<UserSummary.Address> Addresses,
    IReadOnlyList<UserSummary.SmtpLogin> SmtpLogins,
    int Waiting)
{
    /// <summary>A route that delivers to the user: its pattern and into which mailbox.</summary>
    public sealed record Address(long RouteId, string Pattern, RouteActionKind Kind);

    /// <summary>An SMTP user the user owns; no secret, not even its protected form.</summary>
    public sealed record SmtpLogin(string Id, string Name, SmtpUserStatus Status, string? AccessKeyId);
}
