
namespace MailRelay.Core.Inbound;

/// <summary>SES's receipt verdicts (PASS, FAIL, GRAY, PROCESSING_FAILED), or null when unknown (local intake).</summary>
public sealed record Verdicts(string? Spam, string? Virus, string? Spf, string? Dkim, string? Dmarc)
{
    public static readonly Verdicts Unknown = new(null, null, null, null, null);

    public bool VirusFailed => string.Equals(Virus, "FAIL", StringComparison.OrdinalIgnoreCase);
    public bool SpamFailed => string.Equals(Spam, "FAIL", StringComparison.OrdinalIgnoreCase);
}
