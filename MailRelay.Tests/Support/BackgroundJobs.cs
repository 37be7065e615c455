using System.Diagnostics.Metrics;
using MailRelay.Core.Cluster;
using MailRelay.Core.Common;
using MailRelay.Workers.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSubstitute;
using Quartz;

namespace MailRelay.Tests.Support;

/// <summary>Runs background work the way the scheduler does: once, through <see cref="BackgroundJob{TWork}"/>.</summary>
internal static class BackgroundJobs
{
    private static readonly ServiceProvider Meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static JobMetrics Metrics() => new(Meters.GetRequiredService<IMeterFactory>());

    /// <summary>
    /// The job swallows a failed run (it logs it); without a <paramref name="logger"/> of the caller's,
    /// a run that logs an error fails the test, so a crash in the work cannot pass unseen. A cluster-once
    /// work needs the <paramref name="cluster"/> of the instance it runs on (its job leases and owner).
    /// </summary>
    public static async ValueTask RunAsync<TWork>(TWork work, ILogger<TWork>? logger = null, CancellationToken cancellationToken = default, ClusterOnceRuns? cluster = null)
        where TWork : class, IBackgroundWork
    {
        var log = logger ?? new CapturingLogger<TWork>();
        await new BackgroundJob<TWork>(work, Metrics(), log, cluster).Execute(Substitute.For<IJobExecutionContext>(), cancellationToken);
        if (logger is null) ((CapturingLogger<TWork>)log).Entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message).ShouldBeEmpty();
    }
}
