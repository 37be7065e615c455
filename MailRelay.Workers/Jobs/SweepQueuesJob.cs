using MailRelay.Core.Ports;
using MailRelay.Core.Services.Forwarding;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MailRelay.Workers.Jobs;

/// <summary>The 15-minute sweep of Queued mail and finished blobs.</summary>
[DisallowConcurrentExecution]
public sealed partial class SweepQueuesJob(QueueSweep sweep, IForwardingScheduler forwarding, ILogger<SweepQueuesJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (await sweep.RunAsync(cancellationToken) > 0) await forwarding.RunSoonAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(LogLevel.Error, "The queue sweep failed; it runs again at its next time")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
