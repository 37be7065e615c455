using System.Diagnostics.Metrics;
using MailRelay.Core.Background;
using MailRelay.Workers.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Quartz;

namespace MailRelay.Tests.Support;

/// <summary>Runs background work the way the scheduler does: once, through <see cref="BackgroundJob{TWork}"/>.</summary>
internal static class BackgroundJobs
{
    private static readonly ServiceProvider Meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static JobMetrics Metrics() => new(Meters.GetRequiredService<IMeterFactory>());

    public static ValueTask RunAsync<TWork>(TWork work, ILogger<TWork>? logger = null, CancellationToken cancellationToken = default)
        where TWork : class, IBackgroundWork =>
        new BackgroundJob<TWork>(work, Metrics(), logger ?? NullLogger<TWork>.Instance).Execute(Substitute.For<IJobExecutionContext>(), cancellationToken);
}
