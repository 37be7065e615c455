using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using Microsoft.Extensions.Logging;

namespace MailRelay.Core.Inbound;

/// <summary>
/// The inbound loop: reads new-mail notifications in batches, stores their messages (at the same
/// time where they share neither a recipient nor a message id, see <see cref="InboundOrder"/>), and
/// acknowledges only what was stored. A notification whose message could not be stored is
/// abandoned, so the source offers it again after <see cref="RetryAfterFailure"/>; forwarding is asked to run as
/// soon as anything new was stored.
/// </summary>
public sealed partial class ReceiveInboundMail(IInboundSource source, MessageIntake intake, IForwardingScheduler forwarding, ILogger<ReceiveInboundMail> logger)
    : IBackgroundWork
{
    public const int BatchSize = 10;
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    public string AfterFailure => "what was not acknowledged stays in the source and is read again at the next run";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<InboundItem> items;
        do
        {
            items = await source.ReceiveAsync(BatchSize, cancellationToken);
            var accepted = 0;
            // A message waits for the one before it only where order matters: the same recipient
            // address (received order is delivery order) or the same message id (the second adds
            // recipients to the first). The rest are stored at once, not one by one.
            await Task.WhenAll(InboundOrder.Lanes(items).Select(async lane =>
            {
                foreach (var item in lane)
                {
                    if (await AcceptAsync(item, cancellationToken)) Interlocked.Increment(ref accepted);
                }
            }));
            if (accepted > 0) await forwarding.RunSoonAsync(cancellationToken);
        }
        while (items.Count == BatchSize && !cancellationToken.IsCancellationRequested);
    }

    private async Task<bool> AcceptAsync(InboundItem item, CancellationToken cancellationToken)
    {
        try
        {
            var result = await intake.AcceptAsync(item, cancellationToken);
            await source.AcknowledgeAsync(item, cancellationToken);
            return result != IntakeResult.Duplicate;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogItemFailed(logger, e, item.MessageId, item.Source);
            await source.AbandonAsync(item, RetryAfterFailure, CancellationToken.None);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Error, "Message {MessageId} from {Source} could not be stored; it stays in the source and is tried again")]
    private static partial void LogItemFailed(ILogger logger, Exception exception, string messageId, string source);
}
