namespace MailRelay.Core.Audit;

/// <summary>One line of the append-only audit log: who did what to which target, and when.</summary>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset At,
    string ActorId,
    string Action,
    string Target,
    string? Detail,
    string? CorrelationId);
