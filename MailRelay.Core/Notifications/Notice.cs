using MailRelay.Core.Inbound;

namespace MailRelay.Core.Notifications;

/// <summary>
/// What one email to a user is about, before it is written. The composer turns it into an
/// <see cref="EmailMessage"/>; every value here is shown to the user as text, never as markup.
/// </summary>
/// <param name="Kind">Which email.</param>
/// <param name="To">The recipient's address (the user's sign-in email, not necessarily the Gmail address).</param>
/// <param name="RecipientName">How the email greets the recipient.</param>
/// <param name="GmailAddress">The Gmail account the connection is for.</param>
/// <param name="Reason">What went wrong, in words a user can read (e.g. Google's error description); null when not known.</param>
/// <param name="ExpiresAt">When the refresh token expires (for <see cref="NoticeKind.ExpiresTomorrow"/>).</param>
/// <param name="AttemptCount">How many attempts in a row failed (for <see cref="NoticeKind.HavingTrouble"/> and <see cref="NoticeKind.ConnectionLost"/>).</param>
/// <param name="ReconnectUrl">The absolute URL of the My Gmail page, where the user reconnects.</param>
public sealed record Notice(
    NoticeKind Kind,
    string To,
    string RecipientName,
    string GmailAddress,
    string? Reason,
    DateTimeOffset? ExpiresAt,
    int AttemptCount,
    Uri ReconnectUrl);
