using MailRelay.Core.Services.DnsRecords;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MailRelay.Workers.Jobs;

/// <summary>The daily check of every domain's DNS records; the DNS page shows its results.</summary>
[DisallowConcurrentExecution]
public sealed partial class CheckDnsRecordsJob(DnsChecker checker, ILogger<CheckDnsRecordsJob> logger) : IJob
{
    /// <summary>Not at start-up: a restart (or a test host) should not query DNS at once; "Check now" is there for that.</summary>
    public static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(5);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await checker.CheckAllAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(LogLevel.Error, "The DNS record check failed; it runs again at its next time")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
