
namespace MailRelay.Core.Inbound.Adapters;

/// <summary>SES's <c>receipt.action</c>: for the S3 action, where the raw message was stored.</summary>
public sealed record SesReceiptAction(string Type, string? BucketName, string? ObjectKey)
{
    public bool IsS3 => string.Equals(Type, "S3", StringComparison.Ordinal) && !string.IsNullOrEmpty(ObjectKey);
}
