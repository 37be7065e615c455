namespace MailRelay.Core.Inbound;

/// <summary>
/// One new-mail notification from an <see cref="IInboundSource"/>.
/// </summary>
/// <param name="Handle">What the source needs to acknowledge or abandon it (file path, SQS receipt handle).</param>
/// <param name="MessageId">The idempotency key: SES message id, or <c>sha256-…</c> of the bytes.</param>
/// <param name="Recipients">Envelope recipients (SES <c>receipt.recipients</c>), never header addresses for SES.</param>
/// <param name="ExistingBlobKey">Set when the raw message already is in the blob store (SES's S3 action).</param>
/// <param name="OpenRaw">Opens the raw message when it is not in the blob store yet.</param>
public sealed record InboundItem(
    string Handle,
    string MessageId,
    string Source,
    IReadOnlyList<string> Recipients,
    Verdicts Verdicts,
    DateTimeOffset? ReceivedAt,
    string? ExistingBlobKey,
    Func<CancellationToken, Task<Stream>>? OpenRaw)
{
    /// <summary>The envelope recipients trimmed, without blanks or repeats (case aside): whom the message is for.</summary>
    public IReadOnlyList<string> DistinctRecipients() =>
        [.. Recipients.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
}
