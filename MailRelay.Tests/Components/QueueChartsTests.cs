using Bunit;
using MailRelay.Core.Metrics;
using MailRelay.Core.Queues;
using MailRelay.Tests.Support;
using MailRelay.Web.Components.Admin;
using MailRelay.Web.Components.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace MailRelay.Tests.Components;

public sealed class QueueChartsTests : RelayComponentTest
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    // MudChart draws its lines once the browser has told it its size; bUnit answers for the browser.
    public QueueChartsTests() => AnswerChartSizes();

    [Fact]
    public void NoSamplesYet_ShowsNoDataYet_AndNoCharts()
    {
        var cut = Render<QueueCharts>();

        cut.Find("[data-testid=empty-state]").TextContent.ShouldContain("No data yet");
        cut.FindAll("[data-testid=queue-now]").ShouldBeEmpty();
        cut.FindAll("[data-testid=depth-chart]").ShouldBeEmpty();
    }

    [Fact]
    public void AfterSamples_ShowsLatestFiguresAndTheCharts()
    {
        Metrics.Record(Sample(Nine.AddSeconds(5), ("alice", 1, 30)), new OutcomeCounts(2, 0, 0));
        Metrics.Record(Sample(Nine.AddSeconds(10), ("alice", 2, 35), ("", 1, 300)), new OutcomeCounts(1, 1, 1));

        var cut = Render<QueueCharts>(p => p.Add(c => c.Users, [new UserOption("alice", "Alice (alice@localhost)")]));

        var now = cut.Find("[data-testid=queue-now]");
        now.GetAttribute("data-depth").ShouldBe("3");
        now.TextContent.ShouldContain("Waiting now: 3");
        now.TextContent.ShouldContain("oldest waiting: 5 min");
        cut.Find("[data-testid=outcomes-now]").TextContent.ShouldBe("3 delivered, 1 queued, 1 failed");
        // Two samples of the total plus Alice and the held mail without a route: three lines of two points each.
        cut.Find("[data-testid=depth-chart]").GetAttribute("data-points").ShouldBe("6");
        cut.Find("[data-testid=age-chart]").GetAttribute("data-points").ShouldBe("6");
        cut.Find("[data-testid=outcome-chart]").GetAttribute("data-points").ShouldBe("3");
        cut.FindAll("[data-testid=empty-state]").ShouldBeEmpty();
        cut.FindAll("[data-testid=depth-chart] svg").ShouldNotBeEmpty();
        cut.FindAll("[data-testid=depth-chart] .mud-charts-timeseries-series path.mud-chart-line").Count.ShouldBe(3);
        cut.Find("[data-testid=depth-chart]").TextContent.ShouldContain("Held (no route)");
        cut.Find("[data-testid=depth-chart]").TextContent.ShouldNotContain("(no user)");
    }

    [Fact]
    public void WindowSwitch_To24Hours_ShowsOnePointPerMinute_AndBack()
    {
        Metrics.Record(Sample(Nine.AddSeconds(5), ("alice", 1, 5)), default);
        Metrics.Record(Sample(Nine.AddSeconds(35), ("alice", 2, 35)), default);
        Metrics.Record(Sample(Nine.AddSeconds(65), ("alice", 1, 65)), default);
        var cut = Render<QueueCharts>();
        cut.Find("[data-testid=depth-chart]").GetAttribute("data-points").ShouldBe("6", "three samples, total and alice");

        Choose(cut, "24 hours");

        cut.Find("[data-testid=queue-charts]").GetAttribute("data-window").ShouldBe(nameof(MetricsWindow.Last24Hours));
        cut.Find("[data-testid=chart-window] button[aria-pressed=true]").TextContent.Trim().ShouldBe("24 hours");
        cut.Find("[data-testid=depth-chart]").GetAttribute("data-points").ShouldBe("4", "09:00 and the open 09:01, total and alice");

        Choose(cut, "Last hour");
        cut.Find("[data-testid=depth-chart]").GetAttribute("data-points").ShouldBe("6");
    }

    [Fact]
    public void NewSample_UpdatesTheOpenChartInPlace()
    {
        Metrics.Record(Sample(Nine, ("alice", 1, 0)), default);
        var cut = Render<QueueCharts>();
        cut.Find("[data-testid=queue-now]").GetAttribute("data-depth").ShouldBe("1");

        Metrics.Record(Sample(Nine.AddSeconds(5), ("alice", 4, 5)), default);

        cut.WaitForAssertion(() => cut.Find("[data-testid=queue-now]").GetAttribute("data-depth").ShouldBe("4"));
    }

    [Fact]
    public async Task Disposed_StopsListening()
    {
        var cut = Render<QueueCharts>();
        var renders = cut.RenderCount;
        await DisposeComponentsAsync();

        Metrics.Record(Sample(Nine, ("alice", 1, 0)), default);

        cut.RenderCount.ShouldBe(renders);
    }

    [Fact]
    public async Task ManyOpenCharts_OneSample_CostsTheSameStoreCallsAsNone()
    {
        var store = StorePortSubstitutes.Create();
        store.Deliveries.SummarizeQueuesAsync(Arg.Any<CancellationToken>())
            .Returns([new UserQueueSummary("alice", 0, 2, 0, 0, 0, 0, Nine)]);
        var time = new FakeTimeProvider(Nine.AddSeconds(30));
        var sampler = new QueueMetricsSampler(store.Metrics, store.Deliveries, store.Gmail, Metrics, new MetricCounters(), new RecordingMetricsPublisher(),
            Microsoft.Extensions.Options.Options.Create(new MetricsOptions()), time, NullLogger<QueueMetricsSampler>.Instance);

        await sampler.SampleOnceAsync(default);
        var callsWithoutPages = store.CallsReceived();
        var charts = Enumerable.Range(0, 12).Select(_ => Render<QueueCharts>()).ToList();
        store.ClearCalls();

        time.Advance(TimeSpan.FromSeconds(5));
        await sampler.SampleOnceAsync(default);

        store.CallsReceived().ShouldBe(callsWithoutPages, "open charts read memory, never the store");
        foreach (var chart in charts)
            chart.WaitForAssertion(() => chart.Find("[data-testid=depth-chart]").GetAttribute("data-points").ShouldBe("4"));
    }

    [Theory]
    [InlineData(60, 10, "HH:mm")]
    [InlineData(24 * 60, 180, "HH:mm")]
    [InlineData(20, 5, "HH:mm")]
    [InlineData(1, 0.25, "HH:mm:ss")]
    public void TimeAxis_SpanShown_LabelsOnRoundTimesAFewApart(int spanMinutes, double spacingMinutes, string format)
    {
        var spacing = TimeAxis.Spacing(TimeSpan.FromMinutes(spanMinutes));

        spacing.ShouldBe(TimeSpan.FromMinutes(spacingMinutes));
        TimeAxis.Format(spacing).ShouldBe(format);
    }

    [Fact]
    public void AxisLabels_LastHour_AreDistinctTimesTenMinutesApart()
    {
        for (var i = 0; i <= 60; i++) Metrics.Record(Sample(Nine.AddMinutes(i), ("alice", 1, 5)), new OutcomeCounts(1, 0, 0));

        var cut = Render<QueueCharts>();

        var labels = cut.FindAll("[data-testid=outcome-chart] svg text").Select(t => t.TextContent.Trim()).Where(t => t.Contains(':')).ToList();
        labels.ShouldNotBeEmpty();
        labels.ShouldBeUnique();
        labels.ShouldContain("09:10");
        cut.Find("[data-testid=outcome-chart]").TextContent.ShouldContain("Time (UTC)");
    }

    private static void Choose(IRenderedComponent<QueueCharts> cut, string text) =>
        cut.FindAll("[data-testid=chart-window] button").Single(b => b.TextContent.Trim() == text).Click();

    private static DepthSample Sample(DateTimeOffset at, params (string UserId, int Depth, double Age)[] users) =>
        new(at, users.Sum(u => u.Depth), users.Length == 0 ? 0 : users.Max(u => u.Age), users.Select(u => new UserDepth(u.UserId, u.Depth, u.Age)).ToList());
}
