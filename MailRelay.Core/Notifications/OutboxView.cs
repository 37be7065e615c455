using MailRelay.Core.Common;

namespace MailRelay.Core.Notifications;

/// <summary>The admin Outbox: the emails MailRelay wrote, newest first, and one of them in full.</summary>
public sealed class OutboxView(IOutbox outbox)
{
    public string Location => outbox.Location;

    public Task<Page<OutboxEntry>> ListAsync(int skip, int take, CancellationToken cancellationToken) =>
        outbox.ListAsync(skip, take, cancellationToken);

    public Task<OutboxEmail?> ReadAsync(string fileName, CancellationToken cancellationToken) => outbox.ReadAsync(fileName, cancellationToken);
}
