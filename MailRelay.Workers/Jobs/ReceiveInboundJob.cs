using MailRelay.Core.Ports;
using MailRelay.Core.Services.Intake;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MailRelay.Workers.Jobs;

/// <summary>Reads new-mail notifications and stores each message; acknowledges only what was stored.</summary>
[DisallowConcurrentExecution]
public sealed partial class ReceiveInboundJob(IInboundSource source, MessageIntake intake, IForwardingScheduler forwarding, ILogger<ReceiveInboundJob> logger) : IJob
{
    private const int BatchSize = 10;
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            IReadOnlyList<InboundItem> items;
            do
            {
                items = await source.ReceiveAsync(BatchSize, cancellationToken);
                var accepted = 0;
                foreach (var item in items)
                {
                    if (await AcceptAsync(item, cancellationToken)) accepted++;
                }
                if (accepted > 0) await forwarding.RunSoonAsync(cancellationToken);
            }
            while (items.Count == BatchSize && !cancellationToken.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: whatever was not acknowledged stays in the source.
        }
        catch (Exception e)
        {
            LogSourceFailed(logger, e);
        }
    }

    private async Task<bool> AcceptAsync(InboundItem item, CancellationToken token)
    {
        try
        {
            var result = await intake.AcceptAsync(item, token);
            await source.AcknowledgeAsync(item, token);
            return result != IntakeResult.Duplicate;
        }
        catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
        {
            LogItemFailed(logger, e, item.MessageId, item.Source);
            await source.AbandonAsync(item, RetryAfterFailure, CancellationToken.None);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Error, "Reading the inbound source failed; it is tried again at the next run")]
    private static partial void LogSourceFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Error, "Message {MessageId} from {Source} could not be stored; it stays in the source and is tried again")]
    private static partial void LogItemFailed(ILogger logger, Exception exception, string messageId, string source);
}
