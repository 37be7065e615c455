using System.Security.Cryptography;

namespace MailRelay.Core.Inbound;

/// <summary>The idempotency key of mail without an SES message id: a hash of its bytes, so the same file twice is one message.</summary>
public static class ContentId
{
    public static async Task<string> ComputeAsync(Stream content, CancellationToken cancellationToken) =>
        "sha256-" + Convert.ToHexString(await SHA256.HashDataAsync(content, cancellationToken)).ToLowerInvariant();
}
