using System.Diagnostics;
using MailRelay.Core.Common;
using MailRelay.Web.Live;

namespace MailRelay.Tests.Unit;

public sealed class LiveRefreshTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Burst_OfChanges_RefreshesAtMostTwiceAndAfterTheLastChange()
    {
        var events = new RelayEvents();
        var clock = Stopwatch.StartNew();
        var starts = new List<TimeSpan>();
        using var live = new LiveRefresh(events, TimeProvider.System, _ => true, _ =>
        {
            lock (starts) starts.Add(clock.Elapsed);
            return Task.CompletedTask;
        }, Interval);

        for (var i = 0; i < 100; i++) events.Publish(new RelayChange("deliveries.changed", "alice", null));
        var lastChange = clock.Elapsed;
        await Task.Delay(Interval * 3);

        lock (starts)
        {
            starts.Count.ShouldBeInRange(1, 2);
            starts[^1].ShouldBeGreaterThanOrEqualTo(lastChange, "the state after the last change must be read");
            if (starts.Count == 2) (starts[1] - starts[0]).ShouldBeGreaterThanOrEqualTo(Interval - TimeSpan.FromMilliseconds(20));
        }
    }

    [Fact]
    public async Task Change_ThatIsNotRelevant_OrAfterDispose_DoesNotRefresh()
    {
        var events = new RelayEvents();
        var refreshes = 0;
        var live = new LiveRefresh(events, TimeProvider.System, c => c.UserId == "alice", _ =>
        {
            Interlocked.Increment(ref refreshes);
            return Task.CompletedTask;
        }, Interval);

        events.Publish(new RelayChange("deliveries.changed", "bob", null));
        live.Dispose();
        events.Publish(new RelayChange("deliveries.changed", "alice", null));
        await Task.Delay(Interval);

        Volatile.Read(ref refreshes).ShouldBe(0);
    }
}
