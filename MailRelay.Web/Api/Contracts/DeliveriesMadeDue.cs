namespace MailRelay.Web.Api.Contracts;

/// <summary>The answer of <c>POST /api/queue/deliver</c> (the caller's mail) and <c>POST /api/admin/users/{userId}/queue/deliver</c>: how many waiting deliveries were made due now.</summary>
public sealed record DeliveriesMadeDue(int MadeDue);
