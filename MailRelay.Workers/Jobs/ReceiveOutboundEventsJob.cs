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

    public async Task Execute(IJobExecutionContext context)
    {
        var token = context.CancellationToken;
        try
        {
            IReadOnlyList<OutboundEventItem> items;
            do
            {
                items = await source.ReceiveAsync(BatchSize, token);
                // Recorded before acknowledged: a crash in between redelivers events, which count once.
                await intake.RecordAsync(items.Select(i => i.Event).ToList(), token);
                foreach (var item in items) await source.AcknowledgeAsync(item, token);
            }
            while (items.Count == BatchSize && !token.IsCancellationRequested);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
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
