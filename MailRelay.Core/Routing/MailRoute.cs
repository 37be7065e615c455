namespace MailRelay.Core.Routing;

/// <summary>
/// A recipient pattern and what to do with mail for it. Patterns: an exact address
/// (<c>alice@example.com</c>), a whole domain (<c>*@example.com</c>) or everything (<c>*</c>).
/// </summary>
/// <param name="HoldSpam">Hold spam-FAIL mail for an admin instead of delivering it with the SPAM label.</param>
public sealed record MailRoute(long Id, string Pattern, IReadOnlyList<RouteAction> Actions, bool HoldSpam, DateTimeOffset UpdatedAt);
