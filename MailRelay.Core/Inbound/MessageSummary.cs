namespace MailRelay.Core.Inbound;

/// <summary>
/// What a person needs to recognise a message, parsed from its header block only. When the
/// headers cannot be parsed, <see cref="Problem"/> says why; the message is still delivered.
/// </summary>
public sealed record MessageSummary(
    string? From,
    string? To,
    string? Subject,
    DateTimeOffset? Date,
    string? MessageId,
    long SizeBytes,
    string? Problem)
{
    public bool IsFlagged => Problem is not null;
}
