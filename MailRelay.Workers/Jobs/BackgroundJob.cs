using System.Diagnostics;
using MailRelay.Core.Common;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MailRelay.Workers.Jobs;

/// <summary>
/// The one Quartz job of MailRelay: runs <typeparamref name="TWork"/> once per firing, one run at a
/// time per process. A failed run is logged with what happens next and never escapes to Quartz; the
/// host stopping ends a run quietly; every run is measured (<see cref="JobMetrics"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class BackgroundJob<TWork>(TWork work, JobMetrics metrics, ILogger<TWork> logger) : IJob
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

    [LoggerMessage(LogLevel.Error, "{Job} failed; {AfterFailure}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job, string afterFailure);
}
