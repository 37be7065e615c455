using System.Collections.Concurrent;
using MailRelay.Core.Forwarding;

namespace MailRelay.Tests.Fakes;

/// <summary>
/// A mailbox that holds every delivery until the test opens it, so a batch can be kept running
/// while the test moves a fake clock; records what it delivered, in order.
/// </summary>
internal sealed class GatedMailbox : IMailboxDelivery
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> Delivered { get; } = new();

    public void Open() => _open.TrySetResult();

    public async Task<MailboxDeliveryResult> DeliverAsync(MailboxDeliveryRequest request, CancellationToken cancellationToken)
    {
        Entered.TrySetResult();
        await _open.Task.WaitAsync(cancellationToken);
        Delivered.Enqueue(request.MessageId);
        return MailboxDeliveryResult.Delivered("gated-" + request.MessageId);
    }
}
