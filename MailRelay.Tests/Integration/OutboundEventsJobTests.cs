using MailRelay.Core.Common;
using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Core.Outbound;
using MailRelay.Core.Outbound.Adapters;
using MailRelay.Core.Smtp;
using MailRelay.Tests.Support;
using MailRelay.Tests.Unit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailRelay.Tests.Integration;

/// <summary>The events job over the real SQLite store, reading the fake SQS (through AWSSDK.SQS) or the local folder.</summary>
public sealed class OutboundEventsJobTests : IAsyncLifetime
{
    private const string EventsQueueUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/mailrelay-outbound-events";
    private static readonly DateTimeOffset Since = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _data = new();
    private readonly CapturingLogger<SqsOutboundEventSource> _sqsLog = new();
    private FakeSqsEndpoint _sqs = null!;
    private StorePorts _store = null!;

    public async Task InitializeAsync()
    {
        _sqs = await FakeSqsEndpoint.StartAsync(queueUrl: EventsQueueUrl);
        _store = StorePorts.Sqlite(new SqliteDatabase(Path.Combine(_data.Path, "mailrelay.db")));
        await _store.Schema.InitializeAsync(default);
        await _store.SmtpUsers.CreateSmtpUserAsync(SmtpUser.New("billing", "Billing", "alice", ["billing@example.org"], "mr-billing", Since) with { Status = SmtpUserStatus.Active }, default);
        await _store.SmtpUsers.CreateSmtpUserAsync(SmtpUser.New("news", "News", "bob", ["*@example.org"], "mr-news", Since) with { Status = SmtpUserStatus.Active }, default);
    }

    public async Task DisposeAsync()
    {
        await _sqs.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private OutboundEventIntake Intake() =>
        new(_store.Usage, _store.SmtpUsers, new RelayEvents(), new SendingRates(new UsageReport(_store.Usage, TimeProvider.System), TimeProvider.System));

    private static ValueTask RunAsync(IOutboundEventSource source, OutboundEventIntake intake, CapturingLogger<ReceiveOutboundEvents>? log = null) =>
        BackgroundJobs.RunAsync(new ReceiveOutboundEvents(source, intake), log);

    private async Task<Dictionary<string, OutboundRates>> RatesAsync() =>
        (await _store.Usage.SummarizeOutboundAsync(Since, default)).ToDictionary(r => r.SmtpUserId);

    [Fact]
    public async Task Execute_SqsEvents_RecordedPerCredentialDuplicateOnceAndAcknowledged()
    {
        var queue = _sqs.Queue;
        foreach (var fixture in new[] { "sns-bounce.json", "bounce.json", "send.json", "delivery.json", "open.json" })
            queue.Send(SesEventParserTests.Fixture(fixture));
        var garbage = queue.Send("{\"eventType\":\"Bounce\"}");
        var source = new SqsOutboundEventSource(_sqs.CreateQueue(), 0, _sqsLog);

        await RunAsync(source, Intake());

        var rates = await RatesAsync();
        rates["billing"].ShouldBe(new OutboundRates("billing", 1, 0, 1, 0)); // by caller identity; the redelivered bounce counts once
        rates["news"].ShouldBe(new OutboundRates("news", 0, 1, 0, 0));       // no caller identity: by the *@example.org wildcard
        _sqs.Requests.Count(r => r.Operation == "DeleteMessage").ShouldBe(5);
        queue.Bodies.ShouldBe(["{\"eventType\":\"Bounce\"}"], "only the unusable event is left, for the dead-letter queue");
        _sqsLog.Entries.ShouldContain(e => e.Message.Contains(garbage) && e.Message.Contains("dead-letter"));
        _sqs.Requests.ShouldAllBe(r => r.SignatureProblem == null);
    }

    [Fact]
    public async Task Execute_SqsFails_NothingAcknowledgedAndTheJobSurvives()
    {
        _sqs.Queue.Send(SesEventParserTests.Fixture("bounce.json"));
        _sqs.Fault = _ => FakeSqsReply.InternalFailure();
        var source = new SqsOutboundEventSource(_sqs.CreateQueue(), 0, _sqsLog);
        var jobLog = new CapturingLogger<ReceiveOutboundEvents>();

        await RunAsync(source, Intake(), jobLog);

        _sqs.Requests.ShouldContain(r => r.Operation == "ReceiveMessage");
        jobLog.Entries.ShouldHaveSingleItem().Level.ShouldBe(Microsoft.Extensions.Logging.LogLevel.Error);
        _sqs.Requests.ShouldNotContain(r => r.Operation == "DeleteMessage");
        _sqs.Queue.Count.ShouldBe(1);
        (await RatesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Execute_FolderEvents_RecordedRemovedAndUnusableFilesMovedAside()
    {
        var folder = Path.Combine(_data.Path, "outbound-events");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "1-bounce.json"), SesEventParserTests.Fixture("bounce.json"));
        File.WriteAllText(Path.Combine(folder, "2-complaint.json"), SesEventParserTests.Fixture("complaint.json"));
        File.WriteAllText(Path.Combine(folder, "3-again.json"), SesEventParserTests.Fixture("sns-bounce.json"));
        File.WriteAllText(Path.Combine(folder, "4-broken.json"), "{ not json");
        File.WriteAllText(Path.Combine(folder, "5-being-written.json"), "{ \"eventType\": ");
        foreach (var file in Directory.GetFiles(folder).Where(f => !f.EndsWith("5-being-written.json", StringComparison.Ordinal)))
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(-5));
        var source = new FolderOutboundEventSource(folder, TimeProvider.System, NullLogger<FolderOutboundEventSource>.Instance);

        await RunAsync(source, Intake());

        (await RatesAsync())["billing"].ShouldBe(new OutboundRates("billing", 0, 0, 1, 1));
        Directory.GetFiles(folder, "*.json").Select(Path.GetFileName).ShouldBe(["5-being-written.json"]); // left for the next run
        File.Exists(Path.Combine(folder, FolderOutboundEventSource.RejectedFolder, "4-broken.json")).ShouldBeTrue();
    }

    [Fact]
    public async Task Record_SenderMatchingNoCredential_KeptUnderAnEmptyId()
    {
        var stranger = new OutboundEvent("m-x", OutboundEventType.Send, Since.AddDays(1), "someone-else", "x@elsewhere.net", null, 1);

        (await Intake().RecordAsync([stranger], default)).ShouldBe(1);

        (await RatesAsync()).Keys.ShouldBe([""]);
    }
}
