namespace MailRelay.Web.Api.Contracts;

/// <summary>The body of <c>POST /api/admin/smtp-users</c>.</summary>
public sealed record SmtpUserRequest(string? Name, string? OwnerUserId, IReadOnlyList<string>? AllowedFrom);
