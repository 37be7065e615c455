using MailRelay.Core.Ports;
using MailRelay.Core.Services.Outbound;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MailRelay.Workers.Jobs;

/// <summary>Reads SES events of the SMTP credentials and records them; acknowledges only what was recorded.</summary>
[DisallowConcurrentExecution]
public sealed partial class ReceiveOutboundEventsJob(IOutboundEventSource source, OutboundEventIntake intake, ILogger<ReceiveOutboundEventsJob> logger) : IJob
{
    private const int BatchSize = 10;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            IReadOnlyList<OutboundEventItem> items;
            do
            {
                items = await source.ReceiveAsync(BatchSize, cancellationToken);
                // Recorded before acknowledged: a crash in between redelivers events, which count once.
                await intake.RecordAsync(items.Select(i => i.Event).ToList(), cancellationToken);
                foreach (var item in items) await source.AcknowledgeAsync(item, cancellationToken);
            }
            while (items.Count == BatchSize && !cancellationToken.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: whatever was not acknowledged stays in the source.
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(LogLevel.Error, "Reading or recording outbound SES events failed; unacknowledged events stay in the source and are read again at the next run")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
