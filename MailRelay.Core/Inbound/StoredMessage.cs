namespace MailRelay.Core.Inbound;

/// <summary>A received message: its identity, where its raw bytes are, and what we know about it.</summary>
/// <param name="Id">SES message id, or <c>sha256-…</c> of the bytes for dropped files and uploads.</param>
/// <param name="Sequence">Received order, assigned by the store.</param>
public sealed record StoredMessage(
    string Id,
    long Sequence,
    string Source,
    DateTimeOffset ReceivedAt,
    string BlobKey,
    IReadOnlyList<string> Recipients,
    Verdicts Verdicts,
    MessageSummary Summary,
    bool BlobDeleted);
