using MailRelay.Core.Gmail;

namespace MailRelay.Web.Api.Contracts;

/// <summary>The answer of <c>DELETE /api/token</c>: the token is deleted; whether Google confirmed its revocation.</summary>
public sealed record GmailDisconnected(GmailDisconnectOutcome Outcome, bool RevokedAtGoogle);
