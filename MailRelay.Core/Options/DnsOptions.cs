namespace MailRelay.Core.Options;

/// <summary>How DNS records are looked up for the DNS page (<c>Dns</c> section).</summary>
public sealed class DnsOptions : IPortOptions
{
    public const string SectionName = "Dns";
    public const string DnsOverHttps = "DnsOverHttps";

    public string PortName => SectionName;

    /// <summary>DnsOverHttps (default and only): the JSON API of a DoH resolver.</summary>
    public string Provider { get; set; } = DnsOverHttps;

    public string ResolverUrl { get; set; } = "https://cloudflare-dns.com/dns-query";
}
