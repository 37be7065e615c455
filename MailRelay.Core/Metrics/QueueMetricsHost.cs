using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Metrics;

/// <summary>
/// Runs the one queue metrics sampler of this process every <c>Metrics:SampleInterval</c>. A
/// failed sample is logged and the next one tries again; the charts keep their last values.
/// </summary>
public sealed partial class QueueMetricsHost(QueueMetricsSampler sampler, IOptions<MetricsOptions> options, TimeProvider time, ILogger<QueueMetricsHost> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RunSafelyAsync(sampler.LoadAsync, stoppingToken);
        using var timer = new PeriodicTimer(options.Value.SampleInterval, time);
        try
        {
            do
            {
                await RunSafelyAsync(sampler.SampleOnceAsync, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunSafelyAsync(Func<CancellationToken, Task> step, CancellationToken stoppingToken)
    {
        try
        {
            await step(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogSampleFailed(logger, e);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Sampling the queue metrics failed; the next sample tries again")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
