using MailRelay.Core.Services.Forwarding;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MailRelay.Workers.Jobs;

/// <summary>Delivers due mail, batch after batch, for as long as work is due.</summary>
[DisallowConcurrentExecution]
public sealed partial class ForwardMailJob(ForwardingService forwarding, ILogger<ForwardMailJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested && await forwarding.RunOnceAsync(cancellationToken) > 0)
            {
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: leased deliveries are taken over once their lease expires.
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(LogLevel.Error, "Forwarding failed; it is tried again at the next run")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
