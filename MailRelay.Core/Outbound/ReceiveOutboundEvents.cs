using MailRelay.Core.Common;

namespace MailRelay.Core.Outbound;

/// <summary>Reads SES events of the SMTP credentials in batches and records them; acknowledges only what was recorded.</summary>
public sealed class ReceiveOutboundEvents(IOutboundEventSource source, OutboundEventIntake intake) : IBackgroundWork
{
    public const int BatchSize = 10;

    public string AfterFailure => "unacknowledged events stay in the source and are read again at the next run";

    public async Task RunAsync(CancellationToken cancellationToken)
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
}
