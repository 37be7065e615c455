namespace MailRelay.Core.Users;

/// <summary>
/// A page of the Users overview; <see cref="Search"/> matches a user's name, email or id, an
/// address routed to them or the name of an SMTP user they own (case-insensitive).
/// </summary>
public sealed record UserOverviewQuery(string? Search = null, int Skip = 0, int Take = 25);
