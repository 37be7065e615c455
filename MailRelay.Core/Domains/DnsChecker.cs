using MailRelay.Core.Cluster;
using MailRelay.Core.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Domains;

/// <summary>
/// Looks up every record the domains need and says for each whether it is right, and if not why that matters.
/// Each report is kept in the store as its domain's last check, so every instance's DNS page shows
/// it, and open pages are told (<see cref="RelayEvents"/>). The scheduled check runs once per
/// cluster (<see cref="IClusterOnceWork"/>): the records are the same whichever instance looks.
/// </summary>
public sealed partial class DnsChecker(
    IDnsResolver resolver, RecordPlanner planner, IDomainStore domainStore, RelayEvents events,
    TimeProvider time, IOptions<DnsOptions> options, ILogger<DnsChecker> logger) : IClusterOnceWork
{
    /// <summary>What <see cref="RelayEvents"/> carries when a domain's last check changed.</summary>
    public const string CheckedKind = "dns.checked";

    /// <summary>The scheduled check starts this long after start-up: a restart (or a test host) should not query DNS at once; "Check now" is there for that.</summary>
    public static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(5);

    public string AfterFailure => "it runs again at its next time";

    public TimeSpan Period => options.Value.CheckInterval;

    async Task IBackgroundWork.RunAsync(CancellationToken cancellationToken) => await CheckAllAsync(cancellationToken);

    /// <summary>Checks every domain on the DNS page and keeps each report as its domain's last check.</summary>
    public async Task<IReadOnlyList<DomainCheckReport>> CheckAllAsync(CancellationToken cancellationToken)
    {
        var reports = new List<DomainCheckReport>();
        foreach (var domain in await domainStore.ListDomainsAsync(cancellationToken))
            reports.Add(await CheckAsync(domain.Name, cancellationToken));
        return reports;
    }

    /// <summary>"Check now" for one domain on the DNS page; NotFound (<see cref="DomainAdmin.NotListed"/>) for one that is not.</summary>
    public async Task<Result<DomainCheckReport>> CheckListedAsync(string name, CancellationToken cancellationToken)
    {
        var normalized = DomainName.Normalize(name).Value;
        if (normalized is null || (await domainStore.ListDomainsAsync(cancellationToken)).All(d => d.Name != normalized)) return DomainAdmin.NotListed(name);
        return await CheckAsync(normalized, cancellationToken);
    }

    public async Task<DomainCheckReport> CheckAsync(string domain, CancellationToken cancellationToken)
    {
        // The records are independent: look them up at once, so "Check now" takes one round trip, not thirteen.
        var checks = await Task.WhenAll(planner.For(domain).Select(e => CheckAsync(e, cancellationToken)));
        var report = new DomainCheckReport(domain, time.GetUtcNow(), checks);
        if (await domainStore.SaveCheckReportAsync(report, cancellationToken)) events.Publish(new RelayChange(CheckedKind, null, null));
        LogChecked(logger, domain, checks.Count(c => c.Status == DnsCheckStatus.Ok), checks.Length);
        return report;
    }

    private async Task<RecordCheck> CheckAsync(ExpectedRecord expected, CancellationToken cancellationToken)
    {
        if (expected.Value is null)
            return new(expected, DnsCheckStatus.NotConfigured, [], $"Configure {expected.MissingSetting} to compute this record.");
        IReadOnlyList<string> found;
        try
        {
            found = await resolver.ResolveAsync(expected.Name, expected.Type, cancellationToken);
        }
        catch (DnsLookupException e)
        {
            LogLookupFailed(logger, expected.Name, expected.Type, e.Message);
            return new(expected, DnsCheckStatus.LookupFailed, [], e.Message);
        }
        var o = options.Value;
        return expected.Purpose switch
        {
            RecordPurpose.Spf or RecordPurpose.MailFromSpf => await SpfAsync(expected, found, cancellationToken),
            RecordPurpose.Dmarc => RecordJudge.Dmarc(expected, found, o.DmarcPolicy, o.DmarcReportAddress),
            RecordPurpose.InboundMx or RecordPurpose.MailFromMx => RecordJudge.Mx(expected, found),
            RecordPurpose.Dkim or RecordPurpose.MtaStsHost => RecordJudge.Cname(expected, found),
            RecordPurpose.MtaSts => RecordJudge.TaggedTxt(expected, found, "v=STSv1"),
            RecordPurpose.TlsReporting => RecordJudge.TaggedTxt(expected, found, "v=TLSRPTv1"),
            _ => RecordJudge.ExactTxt(expected, found),
        };
    }

    private async Task<RecordCheck> SpfAsync(ExpectedRecord e, IReadOnlyList<string> found, CancellationToken cancellationToken)
    {
        var spf = found.Where(SpfText.IsSpf).ToList();
        if (spf.Count == 0) return RecordJudge.Missing(e, found);
        if (spf.Count > 1)
            return new(e, DnsCheckStatus.Different, found, $"{spf.Count} SPF records: receivers answer permerror and treat the domain as having no SPF. Merge them into one.");
        if (!SpfText.AuthorizesSes(spf[0]))
            return new(e, DnsCheckStatus.Different, found, "The SPF record does not include amazonses.com, so mail SES sends fails SPF.");
        var lookups = await new SpfLookupCounter(resolver).CountAsync(spf[0], cancellationToken);
        return lookups > SpfLookupCounter.Limit
            ? new(e, DnsCheckStatus.Warning, found, $"The SPF record needs more than {SpfLookupCounter.Limit} DNS lookups ({lookups} counted); receivers stop at {SpfLookupCounter.Limit} and answer permerror, so SPF fails. Remove or flatten includes.")
            : RecordJudge.Ok(e, found);
    }

    [LoggerMessage(LogLevel.Information, "Checked the DNS records of {Domain}: {OkCount} of {RecordCount} as expected")]
    private static partial void LogChecked(ILogger logger, string domain, int okCount, int recordCount);

    [LoggerMessage(LogLevel.Warning, "DNS lookup of {RecordName} {RecordType} failed: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, string recordName, string recordType, string reason);
}
