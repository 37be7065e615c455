namespace MailRelay.Web.Api;

/// <summary>
/// Endpoint metadata: the audit action (<c>AuditActions</c>) the endpoint performs, so a test can
/// prove every action a page offers can also be automated through <c>/api</c>.
/// </summary>
public sealed record AuditedAction(string Action);
