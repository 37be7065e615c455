using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MailRelay.Core.Cluster;

/// <summary>
/// Sends and receives the cluster's changes every <see cref="ClusterChangeRelay.Interval"/>. A failed
/// round is logged and the next one tries again: pages then lag behind, nothing else depends on it.
/// </summary>
public sealed partial class ClusterChangeRelayHost(ClusterChangeRelay relay, TimeProvider time, ILogger<ClusterChangeRelayHost> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ClusterChangeRelay.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await relay.SendAsync(stoppingToken);
                    await relay.ReceiveAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRoundFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(LogLevel.Warning, "Relaying changes between instances failed; the next round tries again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
