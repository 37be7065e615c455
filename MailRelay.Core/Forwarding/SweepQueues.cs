using MailRelay.Core.Cluster;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Forwarding;

/// <summary>
/// The periodic sweep of Queued mail and finished blobs; forwarding runs at once when it made mail
/// due. The queues are shared, so one instance sweeps them per period.
/// </summary>
public sealed class SweepQueues(QueueSweep sweep, IForwardingScheduler forwarding, IOptions<ForwardingOptions> options) : IClusterOnceWork
{
    public TimeSpan Period => options.Value.SweepInterval;

    public string AfterFailure => "it runs again at its next time";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await sweep.RunAsync(cancellationToken) > 0) await forwarding.RunSoonAsync(cancellationToken);
    }
}
