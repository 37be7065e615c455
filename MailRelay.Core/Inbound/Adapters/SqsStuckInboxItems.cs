namespace MailRelay.Core.Inbound.Adapters;

/// <summary>
/// SQS keeps no stuck items for MailRelay to show: a notification intake cannot store is received
/// again until the queue's redrive policy moves it to its dead-letter queue (after 5 receives).
/// </summary>
public sealed class SqsStuckInboxItems : IStuckInboxItems
{
    public Task<IReadOnlyList<StuckInboxItem>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<StuckInboxItem>>([]);

    public Task<bool> ReleaseAsync(string name, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) => Task.FromResult(false);
}
