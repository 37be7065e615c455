namespace MailRelay.Core.Audit;

/// <summary>An audit entry before the store has given it a sequence number and time.</summary>
public sealed record NewAuditEntry(
    string ActorId,
    string Action,
    string Target,
    string? Detail = null,
    string? CorrelationId = null);
