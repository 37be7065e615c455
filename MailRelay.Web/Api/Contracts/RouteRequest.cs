using MailRelay.Core.Routing;

namespace MailRelay.Web.Api.Contracts;

/// <summary>The body of <c>POST /api/admin/routes</c> and <c>PUT /api/admin/routes/{id}</c>: what the route form edits.</summary>
public sealed record RouteRequest(string? Pattern, IReadOnlyList<RouteAction>? Actions, bool HoldSpam);
