namespace MailRelay.Core.Forwarding;

/// <summary>One message to put into one user's mailbox; the raw bytes are opened only when needed.</summary>
public sealed record MailboxDeliveryRequest(
    string UserId,
    string MessageId,
    long SizeBytes,
    bool MarkAsSpam,
    Func<CancellationToken, Task<Stream>> OpenRaw);
