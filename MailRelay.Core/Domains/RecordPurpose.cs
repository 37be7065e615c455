
namespace MailRelay.Core.Domains;

/// <summary>What a DNS record is for; decides how a found record is judged.</summary>
public enum RecordPurpose
{
    SesVerification,
    Dkim,
    InboundMx,
    Spf,
    Dmarc,
    MailFromMx,
    MailFromSpf,
    MtaSts,
    MtaStsHost,
    TlsReporting,
}
