using System.Diagnostics.Metrics;
using MailRelay.Core.Common;
using MailRelay.Tests.Support;
using MailRelay.Workers.Jobs;
using Microsoft.Extensions.Logging;

namespace MailRelay.Tests.Unit;

/// <summary>The one job skeleton every kind of background work runs in: logging, cancellation and metrics.</summary>
public sealed class BackgroundJobTests : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Job, string Outcome)> _runs = [];

    public BackgroundJobTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == JobMetrics.MeterName && instrument.Name == JobMetrics.DurationName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            seconds.ShouldBeGreaterThanOrEqualTo(0);
            var values = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
            lock (_runs) _runs.Add((values["job"]!, values["outcome"]!));
        });
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    private List<(string Job, string Outcome)> RunsOf(string job)
    {
        lock (_runs) return _runs.Where(r => r.Job == job).ToList();
    }

    [Fact]
    public async Task Execute_WorkThrows_LogsTheJobAndWhatHappensNext_AndDoesNotThrow()
    {
        var log = new CapturingLogger<FailingWork>();

        await BackgroundJobs.RunAsync(new FailingWork(), log);

        var entry = log.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Error);
        entry.Message.ShouldBe("FailingWork failed; it is tried again at the next run");
        RunsOf(nameof(FailingWork)).ShouldBe([(nameof(FailingWork), nameof(JobOutcome.Failed))]);
    }

    [Fact]
    public async Task Execute_HostStopping_EndsQuietly()
    {
        var log = new CapturingLogger<WaitingWork>();
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await BackgroundJobs.RunAsync(new WaitingWork(), log, stopping.Token);

        log.Entries.ShouldBeEmpty();
        RunsOf(nameof(WaitingWork)).ShouldBe([(nameof(WaitingWork), nameof(JobOutcome.Stopped))]);
    }

    [Fact]
    public async Task Execute_WorkCancelsItselfWhileTheHostRuns_IsAFailure()
    {
        var log = new CapturingLogger<TimingOutWork>();

        await BackgroundJobs.RunAsync(new TimingOutWork(), log);

        log.Entries.ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Error);
        RunsOf(nameof(TimingOutWork)).ShouldBe([(nameof(TimingOutWork), nameof(JobOutcome.Failed))]);
    }

    [Fact]
    public async Task Execute_WorkSucceeds_IsMeasuredAsCompleted()
    {
        var work = new CountingWork();

        await BackgroundJobs.RunAsync(work);
        await BackgroundJobs.RunAsync(work);

        work.Runs.ShouldBe(2);
        RunsOf(nameof(CountingWork)).ShouldBe([(nameof(CountingWork), nameof(JobOutcome.Completed)), (nameof(CountingWork), nameof(JobOutcome.Completed))]);
    }

    public sealed class FailingWork : IBackgroundWork
    {
        public string AfterFailure => "it is tried again at the next run";

        public Task RunAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("the store is down");
    }

    public sealed class WaitingWork : IBackgroundWork
    {
        public string AfterFailure => "it runs again";

        public Task RunAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);
    }

    /// <summary>A timeout of its own (an HTTP call, say) is not the host stopping.</summary>
    public sealed class TimingOutWork : IBackgroundWork
    {
        public string AfterFailure => "it runs again";

        public Task RunAsync(CancellationToken cancellationToken) => throw new TaskCanceledException("The request timed out.");
    }

    public sealed class CountingWork : IBackgroundWork
    {
        public int Runs { get; private set; }

        public string AfterFailure => "it runs again";

        public Task RunAsync(CancellationToken cancellationToken)
        {
            Runs++;
            return Task.CompletedTask;
        }
    }
}
