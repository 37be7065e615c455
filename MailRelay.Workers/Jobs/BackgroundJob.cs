using System.Diagnostics;
using MailRelay.Core.Cluster;
using MailRelay.Core.Common;
using MailRelay.Workers.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MailRelay.Workers.Jobs;

/// <summary>
/// The one Quartz job of MailRelay: runs <typeparamref name="TWork"/> once per firing, one run at a
/// time per process. A failed run is logged with what happens next and never escapes to Quartz; the
/// host stopping ends a run quietly; every run is measured (<see cref="JobMetrics"/>). A scheduled
/// firing of an <see cref="IClusterOnceWork"/> runs only with the work's job lease (<paramref name="cluster"/>),
/// so it runs once per period across the instances; an on-demand firing (<see cref="JobTrigger"/>) runs here at once.
/// </summary>
/// <param name="cluster">Only cluster-once work needs it: hosts of per-instance work alone (tests) have no store.</param>
[DisallowConcurrentExecution]
public sealed partial class BackgroundJob<TWork>(TWork work, JobMetrics metrics, ILogger<TWork> logger, ClusterOnceRuns? cluster = null) : IJob
    where TWork : class, IBackgroundWork
{
    /// <summary>The job's name in Quartz, in the log and in the metrics: the work's type name.</summary>
    public static string Name => typeof(TWork).Name;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = JobOutcome.Completed;
        try
        {
            if (work is IClusterOnceWork once && !JobTrigger.IsOnDemand(context) && !await HoldsLeaseAsync(once, cancellationToken))
            {
                outcome = JobOutcome.Skipped;
                LogSkipped(logger, Name);
                return;
            }
            await work.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: what was not finished stays where it was (unacknowledged, or leased until its lease ends).
            outcome = JobOutcome.Stopped;
        }
        catch (Exception e)
        {
            outcome = JobOutcome.Failed;
            LogFailed(logger, e, Name, work.AfterFailure);
        }
        finally
        {
            metrics.Record(Name, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private Task<bool> HoldsLeaseAsync(IClusterOnceWork once, CancellationToken cancellationToken) =>
        (cluster ?? throw new InvalidOperationException($"{Name} runs once per cluster and needs {nameof(ClusterOnceRuns)} registered."))
            .TryStartAsync(Name, once.Period, cancellationToken);

    [LoggerMessage(LogLevel.Debug, "{Job} skipped: another instance holds its lease for this period")]
    private static partial void LogSkipped(ILogger logger, string job);

    [LoggerMessage(LogLevel.Error, "{Job} failed; {AfterFailure}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job, string afterFailure);
}
