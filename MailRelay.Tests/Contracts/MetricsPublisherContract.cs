using System.Text.Json;
using MailRelay.Core.Metrics;

namespace MailRelay.Tests.Contracts;

/// <summary>
/// What every <see cref="IMetricsPublisher"/> adapter must do. Each is given the same writer (stdout
/// in production): a publisher that sends figures writes each one exactly once, every line a whole
/// CloudWatch Embedded Metric Format document (stdout is shared with the log); one that sends
/// nothing writes nothing there. Publishing a well-formed minute never throws.
/// </summary>
public abstract class MetricsPublisherContract
{
    protected const string Namespace = "Test/MailRelay";
    protected static readonly DateTimeOffset Minute = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A user id with characters JSON must escape.</summary>
    protected const string OddUser = "o'brien \"ü\" \\ <x>";

    protected StringWriter Output { get; } = new();

    protected abstract IMetricsPublisher CreatePublisher(TextWriter output, string @namespace);

    /// <summary>True when the adapter sends the figures (as EMF on its writer); false when it discards them.</summary>
    protected abstract bool SendsFigures { get; }

    protected static MetricsMinute SampleMinute() => new(Minute,
        [
            new(Minute, MetricNames.QueueDepth, null, 3), new(Minute, MetricNames.OldestAgeSeconds, null, 90),
            new(Minute, MetricNames.Delivered, null, 7), new(Minute, MetricNames.Failed, null, 0),
            new(Minute, MetricNames.QueueDepth, "alice", 2), new(Minute, MetricNames.OldestAgeSeconds, "alice", 90),
            new(Minute, MetricNames.QueueDepth, OddUser, 1),
        ],
        new Dictionary<string, double> { ["alice"] = 1.5, ["bob"] = 20 },
        new Dictionary<string, int> { ["Active"] = 2, ["Failed"] = 1 });

    /// <summary>Each figure of <see cref="SampleMinute"/> as "dimension=value metric=value" (no dimension for totals).</summary>
    private static readonly string[] SampleFigures =
    [
        " QueueDepth=3", " OldestAgeSeconds=90", " Delivered=7", " Failed=0",
        "UserId=alice QueueDepth=2", "UserId=alice OldestAgeSeconds=90", "UserId=alice TokenDaysLeft=1.5",
        "UserId=bob TokenDaysLeft=20", $"UserId={OddUser} QueueDepth=1",
        "Outcome=Active SmtpProvisioning=2", "Outcome=Failed SmtpProvisioning=1",
    ];

    private List<string> WrittenLines() => Output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).ToList();

    [Fact]
    public async Task Publish_Minute_WritesEachFigureOnceAsEmf_OrNothingWhenItDiscards()
    {
        await CreatePublisher(Output, Namespace).PublishAsync(SampleMinute(), default);

        var figures = WrittenLines().SelectMany(FiguresOf).ToList();

        figures.ShouldBe(SendsFigures ? SampleFigures : [], ignoreOrder: true);
    }

    [Fact]
    public async Task Publish_MinuteWithoutFigures_WritesNothing()
    {
        var empty = new MetricsMinute(Minute, [], new Dictionary<string, double>(), new Dictionary<string, int>());

        await CreatePublisher(Output, Namespace).PublishAsync(empty, default);

        Output.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task Publish_ManyMinutesAtOnce_NeverSplitsOrInterleavesALine()
    {
        var publisher = CreatePublisher(Output, Namespace);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => publisher.PublishAsync(SampleMinute(), default))));

        var figures = WrittenLines().SelectMany(FiguresOf).ToList();
        figures.Count.ShouldBe(SendsFigures ? 16 * SampleFigures.Length : 0);
        figures.Distinct().ShouldBe(SendsFigures ? SampleFigures : [], ignoreOrder: true);
    }

    /// <summary>
    /// The figures of one line, read as CloudWatch Logs reads EMF: the whole line one JSON object
    /// whose <c>_aws</c> directive names the namespace, timestamp, dimensions and metrics, each
    /// named member present at the top level.
    /// </summary>
    private static IEnumerable<string> FiguresOf(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var aws = root.GetProperty("_aws");
        aws.GetProperty("Timestamp").GetInt64().ShouldBe(Minute.ToUnixTimeMilliseconds());
        var directive = aws.GetProperty("CloudWatchMetrics").EnumerateArray().ShouldHaveSingleItem();
        directive.GetProperty("Namespace").GetString().ShouldBe(Namespace);
        var dimensions = directive.GetProperty("Dimensions").EnumerateArray().ShouldHaveSingleItem().EnumerateArray()
            .Select(d => $"{d.GetString()}={root.GetProperty(d.GetString()!).GetString()}").ToList();
        dimensions.Count.ShouldBeLessThanOrEqualTo(1);
        var dimension = dimensions.SingleOrDefault() ?? "";
        return directive.GetProperty("Metrics").EnumerateArray()
            .Select(m => m.GetProperty("Name").GetString()!)
            .Select(name => $"{dimension} {name}={root.GetProperty(name).GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
    }
}
