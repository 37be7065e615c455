using MailRelay.Core.Common;

namespace MailRelay.Core.Forwarding;

/// <summary>The periodic sweep of Queued mail and finished blobs; forwarding runs at once when it made mail due.</summary>
public sealed class SweepQueues(QueueSweep sweep, IForwardingScheduler forwarding) : IBackgroundWork
{
    public string AfterFailure => "it runs again at its next time";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await sweep.RunAsync(cancellationToken) > 0) await forwarding.RunSoonAsync(cancellationToken);
    }
}
