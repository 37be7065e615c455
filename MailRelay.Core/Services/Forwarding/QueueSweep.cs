using MailRelay.Core.Domain;
using MailRelay.Core.Options;
using MailRelay.Core.Ports;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Services.Forwarding;

/// <summary>
/// The periodic sweep: gives Queued mail another chance when its user's connection looks usable
/// again, and deletes raw bytes of finished messages once their retention has passed.
/// </summary>
public sealed class QueueSweep(IRelayStore store, IBlobStore blobs, IOptions<ForwardingOptions> options, TimeProvider time)
{
    /// <summary>Returns how many deliveries were made due again.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var due = 0;
        foreach (var userId in await store.ListUsersWithQueuedDeliveriesAsync(cancellationToken))
        {
            var connection = await store.FindGmailConnectionAsync(userId, cancellationToken);
            if (connection is null || connection.IsUsable) due += await store.MakeUserDeliveriesDueAsync(userId, time.GetUtcNow(), cancellationToken);
        }
        var cutoff = time.GetUtcNow().AddDays(-options.Value.BlobRetentionDays);
        foreach (var message in await store.ListFinishedMessagesWithBlobsAsync(cutoff, 1000, cancellationToken))
        {
            await blobs.DeleteAsync(message.BlobKey, cancellationToken);
            await store.MarkBlobDeletedAsync(message.Id, cancellationToken);
        }
        return due;
    }
}
