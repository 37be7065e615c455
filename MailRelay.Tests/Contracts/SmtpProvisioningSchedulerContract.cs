using MailRelay.Core.Smtp;
using MailRelay.Workers;
using MailRelay.Workers.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace MailRelay.Tests.Contracts;

/// <summary>
/// What every <see cref="ISmtpProvisioningScheduler"/> adapter must do: asking for provisioning
/// returns at once and never fails the caller (an admin creating an SMTP user), whether the
/// scheduler is running, not started yet or stopped. An adapter that runs the work at once runs the
/// provisioning job exactly once per request (more requests while it waits may share a run); one
/// that does not leaves it to the next sweep and runs nothing. Each test hosts the real Quartz
/// scheduler with a job under the provisioning job's name that records its runs and nothing else
/// scheduled, so every run seen was asked for.
/// </summary>
public abstract class SmtpProvisioningSchedulerContract : IAsyncLifetime
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    private IHost _host = null!;

    protected ProvisioningRuns Runs => _host.Services.GetRequiredService<ProvisioningRuns>();

    protected ISmtpProvisioningScheduler Scheduler { get; private set; } = null!;

    /// <summary>True when the adapter runs provisioning at once; false when it waits for the next sweep.</summary>
    protected abstract bool RunsAtOnce { get; }

    /// <summary>The adapter, given the host's services (the scheduler it fires, the host's lifetime).</summary>
    protected abstract ISmtpProvisioningScheduler CreateScheduler(IServiceProvider services);

    /// <summary>Adds what the adapter needs to the host.</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    public Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddMailRelayScheduler(quartz => quartz.AddJob<RecordingProvisioningJob>(job => job.WithIdentity(BackgroundJob<ProvisionDueSmtpUsers>.Name).StoreDurably()));
        builder.Services.AddSingleton<ProvisioningRuns>();
        AddServices(builder.Services);
        _host = builder.Build();
        Scheduler = CreateScheduler(_host.Services);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private async Task ShouldHaveRunAsync(int atOnce)
    {
        if (RunsAtOnce) await Runs.First.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(Settle);
        Runs.Count.ShouldBe(RunsAtOnce ? atOnce : 0);
    }

    [Fact]
    public async Task RunSoonAsync_SchedulerRunning_RunsTheProvisioningOnce_OrLeavesItToTheNextSweep()
    {
        await _host.StartAsync();

        await Scheduler.RunSoonAsync(default);

        await ShouldHaveRunAsync(atOnce: 1);
    }

    [Fact]
    public async Task RunSoonAsync_BeforeTheSchedulerStarts_RunsOnceItHasStarted_OrLeavesItToTheNextSweep()
    {
        await Scheduler.RunSoonAsync(default).WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(Settle);
        Runs.Count.ShouldBe(0, "nothing runs before the scheduler starts");

        await _host.StartAsync();

        await ShouldHaveRunAsync(atOnce: 1);
    }

    [Fact]
    public async Task RunSoonAsync_AfterTheHostStopped_ReturnsWithoutErrorAndRunsNothing()
    {
        await _host.StartAsync();
        await _host.StopAsync();

        await Scheduler.RunSoonAsync(default);

        await Task.Delay(Settle);
        Runs.Count.ShouldBe(0);
    }

    [Fact]
    public async Task RunSoonAsync_ManyCallersAtOnce_AllReturn_AndTheProvisioningRunsAtLeastOnceAndAtMostOncePerCall()
    {
        await _host.StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Scheduler.RunSoonAsync(default)))).WaitAsync(TimeSpan.FromSeconds(30));

        if (RunsAtOnce) await Runs.First.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(Settle);
        Runs.Count.ShouldBeInRange(RunsAtOnce ? 1 : 0, RunsAtOnce ? 10 : 0);
    }

    /// <summary>How often the job under the provisioning job's name ran.</summary>
    public sealed class ProvisioningRuns
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public TaskCompletionSource First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Record()
        {
            Interlocked.Increment(ref _count);
            First.TrySetResult();
        }
    }

    /// <summary>Stands in for provisioning: the adapters only ask the scheduler to fire the job, not what it does.</summary>
    public sealed class RecordingProvisioningJob(ProvisioningRuns runs) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            runs.Record();
            return ValueTask.CompletedTask;
        }
    }
}
