namespace MailRelay.Web.Api.Contracts;

/// <summary>The optional body of <c>POST /api/admin/deliveries/{id}/release</c>: who receives a message no route matched.</summary>
public sealed record ReleaseRequest(string? AssignToUserId);
