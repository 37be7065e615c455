using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound;
using MailRelay.Core.Storage;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Forwarding;

/// <summary>
/// The periodic sweep: gives Queued mail another chance when its user's connection looks usable
/// again, and deletes raw bytes of finished messages once their retention has passed.
/// </summary>
public sealed class QueueSweep(IDeliveryStore deliveryStore, IGmailConnectionStore connectionStore, IMessageStore messageStore, IBlobStore blobs, IOptions<ForwardingOptions> options, TimeProvider time)
{
    /// <summary>Returns how many deliveries were made due again.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var due = 0;
        foreach (var userId in await deliveryStore.ListUsersWithQueuedDeliveriesAsync(cancellationToken))
        {
            var connection = await connectionStore.FindGmailConnectionAsync(userId, cancellationToken);
            if (connection is null || connection.IsUsable) due += await deliveryStore.MakeUserDeliveriesDueAsync(userId, time.GetUtcNow(), cancellationToken);
        }
        var cutoff = time.GetUtcNow().AddDays(-options.Value.BlobRetentionDays);
        var deleted = new List<string>();
        try
        {
            foreach (var message in await messageStore.ListFinishedMessagesWithBlobsAsync(cutoff, 1000, cancellationToken))
            {
                await blobs.DeleteAsync(message.BlobKey, cancellationToken);
                deleted.Add(message.Id);
            }
        }
        finally
        {
            // Those deleted are marked even if the sweep stops halfway; one left unmarked is deleted (again, harmlessly) next time.
            await messageStore.MarkBlobsDeletedAsync(deleted, CancellationToken.None);
        }
        return due;
    }
}
