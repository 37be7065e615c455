using MailRelay.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace MailRelay.Tests.Integration;

public sealed class SchedulerHostingTests
{
    [Fact]
    public async Task HostedScheduler_RunsJobFromDiInItsOwnScope_AndStopsWithTheHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddQuartzScheduler();
        builder.Services.AddSingleton<RunLog>();
        builder.Services.AddScoped<ScopedDependency>();
        builder.Services.AddJob<RecordingJob>(t => t.StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMilliseconds(200)).WithRepeatCount(1)));
        using var host = builder.Build();
        var log = host.Services.GetRequiredService<RunLog>();

        await host.StartAsync();
        await log.TwoRuns.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        log.Scopes.Count.ShouldBe(2);
        log.Scopes.Distinct().Count().ShouldBe(2, "each run gets a fresh scope");
        log.Scopes.ShouldAllBe(s => s.Disposed, "each run's scope is disposed when the run ends");
        var scheduler = host.Services.GetRequiredService<MailRelay.Workers.Hosting.QuartzHostedService>().Scheduler;
        scheduler.IsShutdown.ShouldBeTrue();
    }

    public sealed class RunLog
    {
        public List<ScopedDependency> Scopes { get; } = [];
        public TaskCompletionSource TwoRuns { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public sealed class ScopedDependency : IDisposable
    {
        public bool Disposed { get; private set; }
        public void Dispose() => Disposed = true;
    }

    public sealed class RecordingJob(RunLog log, ScopedDependency dependency) : IJob
    {
        public Task Execute(IJobExecutionContext context)
        {
            lock (log)
            {
                log.Scopes.Add(dependency);
                if (log.Scopes.Count == 2) log.TwoRuns.TrySetResult();
            }
            return Task.CompletedTask;
        }
    }
}
