using MailRelay.Core.Common;
using MailRelay.Workers;
using MailRelay.Workers.Hosting;
using MailRelay.Workers.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace MailRelay.Tests.Integration;

/// <summary>The scheduler as <see cref="WorkersRegistration.AddMailRelayScheduler"/> hosts it, with test work in place of MailRelay's.</summary>
public sealed class SchedulerHostingTests
{
    private static IHost BuildHost(Action<IQuartzBuilder> jobs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMailRelayScheduler(jobs);
        builder.Services.AddSingleton<RunLog>();
        builder.Services.AddScoped<ScopedDependency>();
        builder.Services.AddScoped<RecordingWork>();
        builder.Services.AddSingleton<SlowToStopWork>();
        builder.Services.AddSingleton<JobTrigger>();
        return builder.Build();
    }

    [Fact]
    public async Task HostedScheduler_RunsJobFromDiInItsOwnScope_AndStopsWithTheHost()
    {
        using var host = BuildHost(q => q.ScheduleJob<BackgroundJob<RecordingWork>>(t => t.StartNow().WithSimpleSchedule(TimeSpan.FromMilliseconds(200), repeatCount: 1)));
        var log = host.Services.GetRequiredService<RunLog>();

        await host.StartAsync();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await log.TwoRuns.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        log.Scopes.Count.ShouldBe(2);
        log.Scopes.Distinct().Count().ShouldBe(2, "each run gets a fresh scope");
        log.Scopes.ShouldAllBe(s => s.Disposed, "each run's scope is disposed when the run ends");
        scheduler.Status.ShouldBe(SchedulerStatus.Shutdown);
    }

    [Fact]
    public async Task StopAsync_JobRunning_CancelsItsTokenAndWaitsUntilItHasFinished()
    {
        using var host = BuildHost(q => q.RunEvery<SlowToStopWork>(TimeSpan.FromHours(1)));
        var log = host.Services.GetRequiredService<RunLog>();
        await host.StartAsync();
        await log.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await host.StopAsync();

        log.Finished.ShouldBeTrue("the host stops only once the running job has finished");
        log.SawCancellation.ShouldBeTrue("a running job is asked to stop when the host stops");
    }

    [Fact]
    public async Task TriggerNowAsync_WhileRunningAndAfterStop_FiresTheJobOnceAndThenDoesNothing()
    {
        using var host = BuildHost(q => q.RunEvery<RecordingWork>(TimeSpan.FromHours(1), firstRunAfter: TimeSpan.FromHours(1)));
        var log = host.Services.GetRequiredService<RunLog>();
        var trigger = host.Services.GetRequiredService<JobTrigger>();
        await host.StartAsync();

        await trigger.TriggerNowAsync(nameof(RecordingWork), CancellationToken.None);
        await log.OneRun.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();
        await trigger.TriggerNowAsync(nameof(RecordingWork), CancellationToken.None);

        log.Scopes.Count.ShouldBe(1);
    }

    public sealed class RunLog
    {
        public List<ScopedDependency> Scopes { get; } = [];
        public TaskCompletionSource OneRun { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource TwoRuns { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool SawCancellation { get; set; }
        public bool Finished { get; set; }
    }

    public sealed class ScopedDependency : IDisposable
    {
        public bool Disposed { get; private set; }
        public void Dispose() => Disposed = true;
    }

    public sealed class RecordingWork(RunLog log, ScopedDependency dependency) : IBackgroundWork
    {
        public string AfterFailure => "nothing";

        public Task RunAsync(CancellationToken cancellationToken)
        {
            lock (log)
            {
                log.Scopes.Add(dependency);
                if (log.Scopes.Count == 1) log.OneRun.TrySetResult();
                if (log.Scopes.Count == 2) log.TwoRuns.TrySetResult();
            }
            return Task.CompletedTask;
        }
    }

    /// <summary>Runs until cancelled, then takes a while to wind down, as a job finishing a delivery would.</summary>
    public sealed class SlowToStopWork(RunLog log) : IBackgroundWork
    {
        public string AfterFailure => "nothing";

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            log.Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                log.SawCancellation = true;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
            log.Finished = true;
        }
    }
}
