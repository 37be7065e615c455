namespace MailRelay.Core.Routing;

/// <summary>What to do with a matching message; <see cref="UserId"/> is set for the mailbox kinds.</summary>
public sealed record RouteAction(RouteActionKind Kind, string? UserId);
