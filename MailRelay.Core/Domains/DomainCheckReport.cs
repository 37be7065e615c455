
namespace MailRelay.Core.Domains;

/// <summary>The last check of one domain's records.</summary>
public sealed record DomainCheckReport(string Domain, DateTimeOffset CheckedAt, IReadOnlyList<RecordCheck> Records)
{
    public bool AllOk => Records.All(r => r.Status == DnsCheckStatus.Ok);
}
