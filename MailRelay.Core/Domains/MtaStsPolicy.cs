using System.Security.Cryptography;
using System.Text;

namespace MailRelay.Core.Domains;

/// <summary>The MTA-STS policy file (RFC 8461) MailRelay serves for every domain, and its id.</summary>
public static class MtaStsPolicy
{
    /// <summary>One week, the usual value: senders cache the policy that long.</summary>
    public const int MaxAgeSeconds = 604800;

    public static string InboundMx(DnsOptions options) => $"inbound-smtp.{options.Region}.amazonaws.com";

    /// <summary>CRLF line endings, as RFC 8461 §3.2 writes them.</summary>
    public static string Text(DnsOptions options) =>
        $"version: STSv1\r\nmode: {options.MtaStsMode.ToLowerInvariant()}\r\nmx: {InboundMx(options)}\r\nmax_age: {MaxAgeSeconds}\r\n";

    /// <summary>
    /// The configured id, or one derived from the policy text: senders only fetch the policy again
    /// when the id in the TXT record changes, so a derived id follows every change of the policy.
    /// </summary>
    public static string Id(DnsOptions options) =>
        string.IsNullOrEmpty(options.MtaStsPolicyId)
            ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Text(options))))[..20].ToLowerInvariant()
            : options.MtaStsPolicyId;
}
