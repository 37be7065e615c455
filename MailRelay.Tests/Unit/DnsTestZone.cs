using MailRelay.Core.Domains;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Unit;

/// <summary>The settings the DNS tests use and a zone that publishes every record they ask for, as an admin would type it.</summary>
internal static class DnsTestZone
{
    public const string Domain = "example.com";
    public const string Token = "pmBGN/7MjnfhTKUZ06Enqq1PeGUaOkw8lGhcfwefcHU=";
    public static readonly string[] Dkim = ["dkimaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "dkimbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "dkimcccccccccccccccccccccccccccc"];

    public static DnsOptions Options(string resolverUrl) => new()
    {
        ResolverUrl = resolverUrl,
        Region = "eu-west-1",
        Domains = { [Domain] = new DnsDomainOptions { VerificationToken = Token, DkimTokens = [.. Dkim] } },
        DmarcReportAddress = "dmarc@example.com",
        TlsReportAddress = "tls@example.com",
        MtaStsPolicyId = "20261122",
        PublicHost = "abc123.eu-west-1.awsapprunner.com",
    };

    /// <summary>Every record example.com needs, correct; SPF split into two strings as long TXT values are.</summary>
    public static FakeDohEndpoint PublishAll(this FakeDohEndpoint dns)
    {
        dns.Txt($"_amazonses.{Domain}", Token);
        foreach (var token in Dkim) dns.Cname($"{token}._domainkey.{Domain}", $"{token}.dkim.amazonses.com");
        dns.Mx(Domain, 10, "inbound-smtp.eu-west-1.amazonaws.com");
        dns.Txt(Domain, "v=spf1 include:amazonses.com ~all", chunk: 20);
        dns.Txt(Domain, "google-site-verification=abc");
        dns.Txt($"_dmarc.{Domain}", "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com");
        dns.Mx($"mail.{Domain}", 10, "feedback-smtp.eu-west-1.amazonses.com");
        dns.Txt($"mail.{Domain}", "v=spf1 include:amazonses.com ~all");
        dns.Txt($"_mta-sts.{Domain}", "v=STSv1; id=20261122");
        dns.Cname($"mta-sts.{Domain}", "abc123.eu-west-1.awsapprunner.com");
        dns.Txt($"_smtp._tls.{Domain}", "v=TLSRPTv1; rua=mailto:tls@example.com");
        dns.Txt("amazonses.com", "v=spf1 ip4:199.255.192.0/22 ip4:199.127.232.0/22 -all");
        return dns;
    }
}
