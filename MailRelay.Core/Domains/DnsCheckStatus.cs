
namespace MailRelay.Core.Domains;

public enum DnsCheckStatus
{
    /// <summary>Found as expected.</summary>
    Ok,

    /// <summary>Found and working, with something worth fixing (e.g. DMARC p=none).</summary>
    Warning,

    /// <summary>Found, but not with the value needed.</summary>
    Different,

    /// <summary>Not in DNS.</summary>
    Missing,

    /// <summary>Configuration lacks what the record is made from.</summary>
    NotConfigured,

    /// <summary>The resolver could not answer.</summary>
    LookupFailed,
}
