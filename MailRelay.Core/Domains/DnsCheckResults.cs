using System.Collections.Concurrent;

namespace MailRelay.Core.Domains;

/// <summary>
/// The last check of each domain, kept in memory: the daily job and "Check now" fill it, the DNS
/// page reads it and is told when it changes. After a restart the next check fills it again.
/// </summary>
public sealed class DnsCheckResults
{
    private readonly ConcurrentDictionary<string, DomainCheckReport> _reports = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Raised after a report is stored or forgotten (on the thread that changed it).</summary>
    public event Action? Changed;

    public DomainCheckReport? For(string domain) => _reports.GetValueOrDefault(domain);

    public void Set(DomainCheckReport report)
    {
        _reports[report.Domain] = report;
        Changed?.Invoke();
    }

    public void Forget(string domain)
    {
        if (_reports.TryRemove(domain, out _)) Changed?.Invoke();
    }
}
