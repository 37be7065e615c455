using System.Text.Json;
using MailRelay.Core.Metrics;
using MailRelay.Core.Metrics.Adapters;

namespace MailRelay.Tests.Unit;

/// <summary>The EMF lines as CloudWatch Logs parses them: each whole line one EMF document.</summary>
public sealed class EmfMetricsPublisherTests
{
    private static readonly DateTimeOffset Minute = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Publish_Minute_WritesOneValidEmfDocumentPerLine()
    {
        var lines = await PublishAsync(SampleMinute());

        lines.Count.ShouldBe(4, "totals, alice, held without a user, one provisioning outcome");
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var aws = root.GetProperty("_aws");
            aws.GetProperty("Timestamp").GetInt64().ShouldBe(Minute.ToUnixTimeMilliseconds());
            var directive = aws.GetProperty("CloudWatchMetrics").EnumerateArray().ShouldHaveSingleItem();
            directive.GetProperty("Namespace").GetString().ShouldBe("Test/MailRelay");
            // Every dimension and metric the directive names is a top-level member of the right kind (the spec's "target members").
            foreach (var dimension in directive.GetProperty("Dimensions").EnumerateArray().ShouldHaveSingleItem().EnumerateArray())
                root.GetProperty(dimension.GetString()!).ValueKind.ShouldBe(JsonValueKind.String);
            foreach (var metric in directive.GetProperty("Metrics").EnumerateArray())
            {
                metric.GetProperty("Unit").GetString().ShouldBeOneOf("Count", "Seconds", "None");
                root.GetProperty(metric.GetProperty("Name").GetString()!).ValueKind.ShouldBe(JsonValueKind.Number);
            }
        }
    }

    [Fact]
    public async Task Publish_Totals_HaveNoDimensionsAndEveryQueueFigure()
    {
        var totals = JsonDocument.Parse((await PublishAsync(SampleMinute()))[0]).RootElement;

        var directive = totals.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        directive.GetProperty("Dimensions").EnumerateArray().ShouldHaveSingleItem().GetArrayLength().ShouldBe(0);
        Units(directive).ShouldBe(new Dictionary<string, string>
        {
            [MetricNames.QueueDepth] = "Count", [MetricNames.OldestAgeSeconds] = "Seconds",
            [MetricNames.Delivered] = "Count", [MetricNames.Queued] = "Count", [MetricNames.Failed] = "Count",
        });
        totals.GetProperty(MetricNames.QueueDepth).GetDouble().ShouldBe(3);
        totals.GetProperty(MetricNames.Delivered).GetDouble().ShouldBe(7);
    }

    [Fact]
    public async Task Publish_PerUser_HasUserIdDimensionDepthAgeAndTokenDaysLeft()
    {
        var lines = (await PublishAsync(SampleMinute())).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        var alice = lines.Single(l => UserOf(l) == "alice");
        alice.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Dimensions")[0].EnumerateArray().Select(d => d.GetString()).ShouldBe(["UserId"]);
        alice.GetProperty(MetricNames.QueueDepth).GetDouble().ShouldBe(2);
        alice.GetProperty(MetricNames.OldestAgeSeconds).GetDouble().ShouldBe(90);
        alice.GetProperty(MetricNames.TokenDaysLeft).GetDouble().ShouldBe(1.5);
        lines.Count(l => UserOf(l) == EmfMetricsPublisher.NoUser).ShouldBe(1, "a dimension value cannot be empty");
        var outcome = lines.Single(l => l.TryGetProperty("Outcome", out _));
        outcome.GetProperty("Outcome").GetString().ShouldBe("Active");
        outcome.GetProperty(MetricNames.SmtpProvisioning).GetDouble().ShouldBe(2);
    }

    private static MetricsMinute SampleMinute() => new(Minute,
        [
            new(Minute, MetricNames.QueueDepth, null, 3), new(Minute, MetricNames.OldestAgeSeconds, null, 90),
            new(Minute, MetricNames.Delivered, null, 7), new(Minute, MetricNames.Queued, null, 1), new(Minute, MetricNames.Failed, null, 0),
            new(Minute, MetricNames.QueueDepth, "alice", 2), new(Minute, MetricNames.OldestAgeSeconds, "alice", 90),
            new(Minute, MetricNames.QueueDepth, "", 1), new(Minute, MetricNames.OldestAgeSeconds, "", 30),
        ],
        new Dictionary<string, double> { ["alice"] = 1.5 },
        new Dictionary<string, int> { ["Active"] = 2 });

    private static async Task<List<string>> PublishAsync(MetricsMinute minute)
    {
        await using var output = new StringWriter();
        await new EmfMetricsPublisher(output, "Test/MailRelay").PublishAsync(minute, default);
        return output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static string? UserOf(JsonElement line) => line.TryGetProperty("UserId", out var user) ? user.GetString() : null;

    private static Dictionary<string, string> Units(JsonElement directive) =>
        directive.GetProperty("Metrics").EnumerateArray().ToDictionary(m => m.GetProperty("Name").GetString()!, m => m.GetProperty("Unit").GetString()!);
}
