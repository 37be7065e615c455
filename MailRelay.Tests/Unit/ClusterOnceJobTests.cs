using System.Diagnostics.Metrics;
using MailRelay.Core.Cluster;
using MailRelay.Tests.Support;
using MailRelay.Workers.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Quartz;

namespace MailRelay.Tests.Unit;

/// <summary>
/// Two instances (two <see cref="ClusterOnceRuns"/>, two owners) firing the same jobs over one SQLite
/// store: cluster-once work runs once per period across both, per-instance work on each.
/// </summary>
public sealed class ClusterOnceJobTests : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(15);

    private readonly TempSqliteStores _sqlite = new();
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly ClusterOnceRuns _a;
    private readonly ClusterOnceRuns _b;
    private readonly MeterListener _listener = new();
    private readonly List<string> _outcomes = [];

    public ClusterOnceJobTests()
    {
        _a = new ClusterOnceRuns(_sqlite.Ports.JobLeases, new ClusterInstance(), _time);
        _b = new ClusterOnceRuns(_sqlite.Ports.JobLeases, new ClusterInstance(), _time);
        _sqlite.Ports.Schema.InitializeAsync(default).GetAwaiter().GetResult();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == JobMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            var values = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
            lock (_outcomes) _outcomes.Add($"{values["job"]}:{values["outcome"]}");
        });
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _sqlite.Dispose();
    }

    [Fact]
    public async Task Execute_TwoInstancesFiringOutOfStep_ClusterOnceWorkRunsOncePerPeriod()
    {
        var work = new SharedWork();

        // Each instance fires every period, b half a period after a.
        for (var period = 0; period < 3; period++)
        {
            await BackgroundJobs.RunAsync(work, cluster: _a);
            _time.Advance(Period / 2);
            await BackgroundJobs.RunAsync(work, cluster: _b);
            _time.Advance(Period / 2);
        }

        work.RunsBy.ShouldBe(3, "one run per period, all by the instance that took the lease first");
        Outcomes(nameof(SharedWork)).ShouldBe(["Completed", "Skipped", "Completed", "Skipped", "Completed", "Skipped"]);
    }

    [Fact]
    public async Task Execute_HolderStopsFiring_AnotherInstanceRunsItOnceTheLeaseEnds()
    {
        var work = new SharedWork();
        await BackgroundJobs.RunAsync(work, cluster: _a);

        // a dies; b keeps firing, half a period after a's schedule.
        _time.Advance(Period / 2);
        await BackgroundJobs.RunAsync(work, cluster: _b);
        var beforeTheLeaseEnds = work.RunsBy;
        _time.Advance(Period);
        await BackgroundJobs.RunAsync(work, cluster: _b);

        beforeTheLeaseEnds.ShouldBe(1);
        work.RunsBy.ShouldBe(2);
        Outcomes(nameof(SharedWork)).ShouldBe(["Completed", "Skipped", "Completed"]);
    }

    [Fact]
    public async Task Execute_PerInstanceWork_RunsOnEveryInstance()
    {
        var work = new BackgroundJobTests.CountingWork();

        await BackgroundJobs.RunAsync(work, cluster: _a);
        await BackgroundJobs.RunAsync(work, cluster: _b);

        work.Runs.ShouldBe(2);
    }

    [Fact]
    public async Task Execute_OnDemandFiring_RunsWhereAskedEvenWhileAnotherHoldsTheLease()
    {
        var work = new SharedWork();
        await BackgroundJobs.RunAsync(work, cluster: _a);
        var onDemand = Substitute.For<IJobExecutionContext>();
        onDemand.MergedJobDataMap.Returns(new JobDataMap { ["MailRelay.OnDemand"] = true });

        await new BackgroundJob<SharedWork>(work, BackgroundJobs.Metrics(), new CapturingLogger<SharedWork>(), _b).Execute(onDemand);

        work.RunsBy.ShouldBe(2);
    }

    [Fact]
    public async Task Execute_SkippedRun_IsLoggedAtDebug()
    {
        var log = new CapturingLogger<SharedWork>();
        await BackgroundJobs.RunAsync(new SharedWork(), cluster: _a);

        await BackgroundJobs.RunAsync(new SharedWork(), log, cluster: _b);

        log.Entries.ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Debug);
    }

    [Theory]
    [InlineData(typeof(MailRelay.Core.Forwarding.SweepQueues), true)]
    [InlineData(typeof(MailRelay.Core.Gmail.ExpiryAlerts), true)]
    [InlineData(typeof(MailRelay.Core.Smtp.ProvisionDueSmtpUsers), true)]
    [InlineData(typeof(MailRelay.Core.Inbound.ReceiveInboundMail), false)] // SQS shares the messages out
    [InlineData(typeof(MailRelay.Core.Forwarding.ForwardDueMail), false)] // the delivery leases share the lanes out
    [InlineData(typeof(MailRelay.Core.Outbound.ReceiveOutboundEvents), false)] // SQS shares the events out
    [InlineData(typeof(MailRelay.Core.Domains.DnsChecker), true)] // its reports are kept in the store for every instance
    public void Works_ThatActOnSharedStatePeriodically_RunOncePerCluster(Type work, bool clusterOnce) =>
        typeof(IClusterOnceWork).IsAssignableFrom(work).ShouldBe(clusterOnce);

    private List<string> Outcomes(string job)
    {
        lock (_outcomes) return _outcomes.Where(o => o.StartsWith(job + ":", StringComparison.Ordinal)).Select(o => o[(job.Length + 1)..]).ToList();
    }

    public sealed class SharedWork : IClusterOnceWork
    {
        public int RunsBy { get; private set; }

        public TimeSpan Period => ClusterOnceJobTests.Period;

        public string AfterFailure => "it runs again";

        public Task RunAsync(CancellationToken cancellationToken)
        {
            RunsBy++;
            return Task.CompletedTask;
        }
    }
}
