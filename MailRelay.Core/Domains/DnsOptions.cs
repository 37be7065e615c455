using MailRelay.Core.Configuration;

namespace MailRelay.Core.Domains;

/// <summary>
/// The DNS page (<c>Dns</c> section): how records are looked up, and what the records each domain
/// needs are computed from (the SES region, the tokens from the Terraform outputs, report addresses).
/// </summary>
public sealed class DnsOptions : IPortOptions
{
    public const string SectionName = "Dns";
    public const string DnsOverHttps = "DnsOverHttps";

    public string PortName => SectionName;

    /// <summary>DnsOverHttps (default and only): the JSON API of a DoH resolver.</summary>
    public string Provider { get; set; } = DnsOverHttps;

    public string ResolverUrl { get; set; } = "https://cloudflare-dns.com/dns-query";

    /// <summary>The SES region that receives and sends the domains' mail (MX and MAIL FROM hosts).</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Per domain (the key, e.g. <c>Dns:Domains:example.com</c>): the SES tokens from the Terraform outputs.</summary>
    public Dictionary<string, DnsDomainOptions> Domains { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>DMARC policy: none, quarantine (default) or reject.</summary>
    public string DmarcPolicy { get; set; } = "quarantine";

    /// <summary>Where DMARC aggregate reports go (<c>rua=mailto:</c>); optional.</summary>
    public string? DmarcReportAddress { get; set; }

    /// <summary>Where TLS-RPT reports go; the TLS-RPT record needs it.</summary>
    public string? TlsReportAddress { get; set; }

    /// <summary>The custom MAIL FROM subdomain (default <c>mail</c>, so bounces come from mail.example.com).</summary>
    public string MailFromSubdomain { get; set; } = "mail";

    /// <summary>SPF's last term: <c>~all</c> (default, soft fail) or <c>-all</c>.</summary>
    public string SpfAll { get; set; } = "~all";

    /// <summary>MTA-STS mode: enforce (default), testing or none.</summary>
    public string MtaStsMode { get; set; } = "enforce";

    /// <summary>The MTA-STS policy id (1–32 letters or digits); empty: derived from the policy, so it changes when the policy does.</summary>
    public string? MtaStsPolicyId { get; set; }

    /// <summary>MailRelay's public host name (e.g. the App Runner domain) that <c>mta-sts.&lt;domain&gt;</c> points to.</summary>
    public string? PublicHost { get; set; }

    /// <summary>TTL written into the zone-file snippet.</summary>
    public int RecordTtl { get; set; } = 3600;

    /// <summary>How often the records are checked in the background (default daily).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The settings of one domain, or an empty set when it has none.</summary>
    public DnsDomainOptions For(string domain) =>
        Domains.FirstOrDefault(d => string.Equals(d.Key.TrimEnd('.'), domain, StringComparison.OrdinalIgnoreCase)).Value ?? new DnsDomainOptions();
}
