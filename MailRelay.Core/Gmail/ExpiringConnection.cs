namespace MailRelay.Core.Gmail;

/// <summary>A connection with a known expiry, and whether its "expires tomorrow" email went out for this token.</summary>
public sealed record ExpiringConnection(GmailConnection Connection, bool AlertSent);
