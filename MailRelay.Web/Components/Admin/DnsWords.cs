using MailRelay.Core.Domains;
using MudBlazor;

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

    /// <summary>The status's icon: the word says it too, so colour is never the only sign.</summary>
    public static string Icon(DnsCheckStatus? status) => status switch
    {
        DnsCheckStatus.Ok => Icons.Material.Filled.CheckCircle,
        DnsCheckStatus.Warning or DnsCheckStatus.NotConfigured => Icons.Material.Filled.Warning,
        DnsCheckStatus.Different or DnsCheckStatus.Missing => Icons.Material.Filled.Error,
        _ => Icons.Material.Filled.Help,
    };

    public static MudBlazor.Color Color(DnsCheckStatus? status) => status switch
    {
        DnsCheckStatus.Ok => MudBlazor.Color.Success,
        DnsCheckStatus.Warning or DnsCheckStatus.NotConfigured => MudBlazor.Color.Warning,
        DnsCheckStatus.Different or DnsCheckStatus.Missing => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };
}
