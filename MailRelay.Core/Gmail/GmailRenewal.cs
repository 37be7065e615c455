namespace MailRelay.Core.Gmail;

/// <summary>
/// One completed connect or renewal, kept as history. <see cref="WaitingAtRenewal"/> is how much of
/// the user's mail was waiting (Pending, Queued, Retrying) when it happened: the "of N" of the
/// progress shown after a renewal.
/// </summary>
public sealed record GmailRenewal(
    long Id,
    string UserId,
    DateTimeOffset At,
    string GmailAddress,
    string Scopes,
    DateTimeOffset? ExpiresAt,
    int WaitingAtRenewal);
