using MailRelay.Core.Ports;
using MailRelay.Core.Services.Forwarding;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MailRelay.Workers.Jobs;

/// <summary>The 15-minute sweep of Queued mail and finished blobs.</summary>
[DisallowConcurrentExecution]
public sealed partial class SweepQueuesJob(QueueSweep sweep, IForwardingScheduler forwarding, ILogger<SweepQueuesJob> logger) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        try
        {
            if (await sweep.RunAsync(context.CancellationToken) > 0) await forwarding.RunSoonAsync(context.CancellationToken);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
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
