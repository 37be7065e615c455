namespace MailRelay.Web.Api.Contracts;

/// <summary>The body of <c>POST /api/admin/domains</c>.</summary>
public sealed record DomainRequest(string? Name);
