namespace MailRelay.Web.Api.Contracts;

/// <summary>The answer of <c>POST /api/queue/deliver</c>: how many of the caller's waiting deliveries were made due now.</summary>
public sealed record DeliveriesMadeDue(int MadeDue);
