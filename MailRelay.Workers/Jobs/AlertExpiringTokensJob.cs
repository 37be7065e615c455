using MailRelay.Core.Services.Gmail;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MailRelay.Workers.Jobs;

/// <summary>The hourly check of refresh tokens about to expire or past their expiry.</summary>
[DisallowConcurrentExecution]
public sealed partial class AlertExpiringTokensJob(ExpiryAlerts alerts, ILogger<AlertExpiringTokensJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await alerts.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(LogLevel.Error, "The token expiry check failed; it runs again at its next time")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
