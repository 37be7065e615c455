using MailRelay.Core.Domains;
using Radzen;

namespace MailRelay.Web.Components.Admin;

/// <summary>How the DNS page names record purposes and check statuses.</summary>
public static class DnsWords
{
    public static string Purpose(RecordPurpose purpose) => purpose switch
    {
        RecordPurpose.SesVerification => "SES domain verification",
        RecordPurpose.Dkim => "DKIM signing key",
        RecordPurpose.InboundMx => "Inbound mail (MX)",
        RecordPurpose.Spf => "SPF",
        RecordPurpose.Dmarc => "DMARC",
        RecordPurpose.MailFromMx => "MAIL FROM bounces (MX)",
        RecordPurpose.MailFromSpf => "MAIL FROM SPF",
        RecordPurpose.MtaSts => "MTA-STS policy id",
        RecordPurpose.MtaStsHost => "MTA-STS policy host",
        _ => "TLS reporting (TLS-RPT)",
    };

    public static string Status(DnsCheckStatus? status) => status switch
    {
        null => "Not checked",
        DnsCheckStatus.Ok => "OK",
        DnsCheckStatus.Warning => "Warning",
        DnsCheckStatus.Different => "Different",
        DnsCheckStatus.Missing => "Missing",
        DnsCheckStatus.NotConfigured => "Not configured",
        _ => "Lookup failed",
    };

    public static BadgeStyle Style(DnsCheckStatus? status) => status switch
    {
        DnsCheckStatus.Ok => BadgeStyle.Success,
        DnsCheckStatus.Warning or DnsCheckStatus.NotConfigured => BadgeStyle.Warning,
        DnsCheckStatus.Different or DnsCheckStatus.Missing => BadgeStyle.Danger,
        _ => BadgeStyle.Secondary,
    };
}
