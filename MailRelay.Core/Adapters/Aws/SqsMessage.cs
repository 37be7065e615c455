namespace MailRelay.Core.Adapters.Aws;

/// <summary>One message from SQS <c>ReceiveMessage</c>.</summary>
/// <param name="ReceiptHandle">What <c>DeleteMessage</c> and <c>ChangeMessageVisibility</c> need; new on every receive.</param>
/// <param name="Attributes">System attributes that were asked for (here <c>ApproximateReceiveCount</c>).</param>
public sealed record SqsMessage(
    string MessageId,
    string ReceiptHandle,
    string Body,
    string? Md5OfBody,
    IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>How often SQS has handed this message out, counting this time; null when not asked for.</summary>
    public int? ApproximateReceiveCount =>
        Attributes.TryGetValue("ApproximateReceiveCount", out var value) && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var count) ? count : null;
}
