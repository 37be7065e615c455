namespace MailRelay.Core.Inbound.Adapters;

/// <summary>What intake needs from an SES "Received" notification.</summary>
/// <param name="MessageId">SES's <c>mail.messageId</c>: the idempotency key, and the S3 object name.</param>
/// <param name="Recipients">Envelope recipients (<c>receipt.recipients</c>, Bcc included); never the To/Cc headers.</param>
/// <param name="ReceivedAt"><c>receipt.timestamp</c>, else <c>mail.timestamp</c>.</param>
public sealed record SesNotification(
    string MessageId,
    IReadOnlyList<string> Recipients,
    DateTimeOffset? ReceivedAt,
    Verdicts Verdicts,
    SesReceiptAction? Action);
