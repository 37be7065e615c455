namespace MailRelay.Core.Audit;

/// <summary>
/// Which audit entries to list: by who, by action, and a time range (both ends inclusive).
/// <see cref="BeforeSequence"/> lets an export walk the log in stable pages while new entries arrive.
/// </summary>
public sealed record AuditFilter(
    string? ActorId = null,
    string? Action = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    long? BeforeSequence = null)
{
    public static AuditFilter All { get; } = new();

    /// <summary>A sentence for the user when the filter cannot match anything sensible; null when valid.</summary>
    public string? Problem() =>
        From is { } from && To is { } to && from > to ? "The start of the time range must be on or before its end." : null;
}
