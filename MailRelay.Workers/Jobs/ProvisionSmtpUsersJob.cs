using MailRelay.Core.Services.SmtpCredentials;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MailRelay.Workers.Jobs;

/// <summary>Moves due SMTP users along (provisioning, retries, cleanup): every minute and at once after an admin action.</summary>
[DisallowConcurrentExecution]
public sealed partial class ProvisionSmtpUsersJob(SmtpProvisioning provisioning, ILogger<ProvisionSmtpUsersJob> logger) : IJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private const int BatchSize = 20;

    // Each instance leases under its own name, so several instances never work on the same record.
    private static readonly string Owner = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            while (await provisioning.ProcessDueAsync(Owner, BatchSize, cancellationToken) == BatchSize)
            {
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(LogLevel.Error, "SMTP user provisioning failed; it runs again at its next time")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
