using Microsoft.Extensions.Options;

namespace MailRelay.Core.Domains;

/// <summary>The records each domain needs, computed from the <c>Dns</c> settings (region, SES tokens, report addresses).</summary>
public sealed class RecordPlanner(IOptions<DnsOptions> options)
{
    public IReadOnlyList<ExpectedRecord> For(string domain)
    {
        var o = options.Value;
        var tokens = o.For(domain);
        var mailFrom = $"{o.MailFromSubdomain.ToLowerInvariant()}.{domain}";
        var spf = $"v=spf1 include:amazonses.com {o.SpfAll}";
        var records = new List<ExpectedRecord>
        {
            string.IsNullOrWhiteSpace(tokens.VerificationToken)
                ? ExpectedRecord.Unconfigured(domain, RecordPurpose.SesVerification, $"_amazonses.{domain}", "TXT", $"Dns:Domains:{domain}:VerificationToken", Why.SesVerification)
                : new(domain, RecordPurpose.SesVerification, $"_amazonses.{domain}", "TXT", tokens.VerificationToken.Trim(), null, Why.SesVerification),
        };
        for (var i = 0; i < 3; i++)
        {
            records.Add(tokens.DkimTokens.Count == 3
                ? new(domain, RecordPurpose.Dkim, $"{tokens.DkimTokens[i].Trim()}._domainkey.{domain}", "CNAME", $"{tokens.DkimTokens[i].Trim()}.dkim.amazonses.com", null, Why.Dkim)
                : ExpectedRecord.Unconfigured(domain, RecordPurpose.Dkim, $"(DKIM token {i + 1})._domainkey.{domain}", "CNAME", $"Dns:Domains:{domain}:DkimTokens", Why.Dkim));
        }
        records.Add(new(domain, RecordPurpose.InboundMx, domain, "MX", $"10 {MtaStsPolicy.InboundMx(o)}", null, Why.InboundMx));
        records.Add(new(domain, RecordPurpose.Spf, domain, "TXT", spf, null, Why.Spf));
        records.Add(new(domain, RecordPurpose.Dmarc, $"_dmarc.{domain}", "TXT", Dmarc(o), null, Why.Dmarc));
        records.Add(new(domain, RecordPurpose.MailFromMx, mailFrom, "MX", $"10 feedback-smtp.{o.Region}.amazonses.com", null, Why.MailFromMx));
        records.Add(new(domain, RecordPurpose.MailFromSpf, mailFrom, "TXT", spf, null, Why.MailFromSpf));
        records.Add(new(domain, RecordPurpose.MtaSts, $"_mta-sts.{domain}", "TXT", $"v=STSv1; id={MtaStsPolicy.Id(o)}", null, Why.MtaSts));
        records.Add(string.IsNullOrWhiteSpace(o.PublicHost)
            ? ExpectedRecord.Unconfigured(domain, RecordPurpose.MtaStsHost, $"mta-sts.{domain}", "CNAME", "Dns:PublicHost", Why.MtaStsHost)
            : new(domain, RecordPurpose.MtaStsHost, $"mta-sts.{domain}", "CNAME", o.PublicHost.Trim().TrimEnd('.').ToLowerInvariant(), null, Why.MtaStsHost));
        records.Add(string.IsNullOrWhiteSpace(o.TlsReportAddress)
            ? ExpectedRecord.Unconfigured(domain, RecordPurpose.TlsReporting, $"_smtp._tls.{domain}", "TXT", "Dns:TlsReportAddress", Why.TlsReporting)
            : new(domain, RecordPurpose.TlsReporting, $"_smtp._tls.{domain}", "TXT", $"v=TLSRPTv1; rua=mailto:{o.TlsReportAddress}", null, Why.TlsReporting));
        return records;
    }

    private static string Dmarc(DnsOptions o) =>
        $"v=DMARC1; p={o.DmarcPolicy.ToLowerInvariant()}" + (string.IsNullOrWhiteSpace(o.DmarcReportAddress) ? "" : $"; rua=mailto:{o.DmarcReportAddress}");

    /// <summary>Why each record matters, in the words the DNS page shows.</summary>
    private static class Why
    {
        public const string SesVerification = "SES only sends and receives for a domain whose ownership this token proves.";
        public const string Dkim = "SES signs outgoing mail with these keys; without them receivers cannot verify DKIM and DMARC fails for your mail.";
        public const string InboundMx = "Mail for the domain must reach SES to be imported into Gmail; another MX means MailRelay never sees that mail.";
        public const string Spf = "Tells receivers SES may send for the domain; without it mail is more likely to land in spam.";
        public const string Dmarc = "Tells receivers what to do with mail that fails SPF and DKIM alignment, so others cannot spoof the domain.";
        public const string MailFromMx = "SES sends bounces to the custom MAIL FROM domain; without this MX, SES falls back to amazonses.com and SPF does not align.";
        public const string MailFromSpf = "Lets the custom MAIL FROM domain pass SPF, which DMARC alignment needs.";
        public const string MtaSts = "Announces the MTA-STS policy, so senders insist on TLS to SES; its id changes whenever the policy does.";
        public const string MtaStsHost = "Senders fetch the MTA-STS policy from https://mta-sts.<domain>/.well-known/mta-sts.txt, which MailRelay serves.";
        public const string TlsReporting = "Asks senders to report TLS delivery failures, so a broken MTA-STS or certificate is noticed.";
    }
}
