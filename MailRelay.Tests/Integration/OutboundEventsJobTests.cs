using System.Net;
using System.Security;
using MailRelay.Core.Adapters.Aws;
using MailRelay.Core.Adapters.Local;
using MailRelay.Core.Domain;
using MailRelay.Core.Ports;
using MailRelay.Core.Services;
using MailRelay.Core.Services.Outbound;
using MailRelay.Core.Services.Reports;
using MailRelay.Tests.Support;
using MailRelay.Tests.Unit;
using MailRelay.Workers.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Quartz;

namespace MailRelay.Tests.Integration;

/// <summary>The events job over the real SQLite store, reading the fake SQS endpoint or the local folder.</summary>
public sealed class OutboundEventsJobTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Since = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _data = new();
    private readonly CapturingLogger<SqsOutboundEventSource> _sqsLog = new();
    private FakeSqsEndpoint _sqs = null!;
    private SqliteRelayStore _store = null!;

    public async Task InitializeAsync()
    {
        _sqs = await FakeSqsEndpoint.StartAsync();
        _store = new SqliteRelayStore(new SqliteDatabase(Path.Combine(_data.Path, "mailrelay.db")));
        await _store.InitializeAsync(default);
        await _store.CreateSmtpUserAsync(SmtpUser.New("billing", "Billing", "alice", ["billing@example.org"], "mr-billing", Since) with { Status = SmtpUserStatus.Active }, default);
        await _store.CreateSmtpUserAsync(SmtpUser.New("news", "News", "bob", ["*@example.org"], "mr-news", Since) with { Status = SmtpUserStatus.Active }, default);
    }

    public async Task DisposeAsync()
    {
        await _sqs.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private OutboundEventIntake Intake() =>
        new(_store, new RelayEvents(), new SendingRates(new UsageReport(_store, TimeProvider.System), TimeProvider.System));

    private static ValueTask RunAsync(IOutboundEventSource source, OutboundEventIntake intake) =>
        new ReceiveOutboundEventsJob(source, intake, NullLogger<ReceiveOutboundEventsJob>.Instance).Execute(Substitute.For<IJobExecutionContext>(), CancellationToken.None);

    private static string Message(string id, string handle, string body) =>
        $"<Message><MessageId>{id}</MessageId><ReceiptHandle>{handle}</ReceiptHandle><Body>{SecurityElement.Escape(body)}</Body>" +
        "<Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute></Message>";

    private async Task<Dictionary<string, OutboundRates>> RatesAsync() =>
        (await _store.SummarizeOutboundAsync(Since, default)).ToDictionary(r => r.SmtpUserId);

    [Fact]
    public async Task Execute_SqsEvents_RecordedPerCredentialDuplicateOnceAndAcknowledged()
    {
        var received = false;
        _sqs.Respond = r => r.Form["Action"] switch
        {
            "ReceiveMessage" when !received && (received = true) => (HttpStatusCode.OK, FakeSqsEndpoint.Ok("ReceiveMessage",
                Message("q1", "h-bounce", SesEventParserTests.Fixture("sns-bounce.json")) +
                Message("q2", "h-bounce-again", SesEventParserTests.Fixture("bounce.json")) +
                Message("q3", "h-send", SesEventParserTests.Fixture("send.json")) +
                Message("q4", "h-delivery", SesEventParserTests.Fixture("delivery.json")) +
                Message("q5", "h-open", SesEventParserTests.Fixture("open.json")) +
                Message("q6", "h-garbage", "{\"eventType\":\"Bounce\"}"))),
            "ReceiveMessage" => (HttpStatusCode.OK, FakeSqsEndpoint.Ok("ReceiveMessage", "")),
            var action => (HttpStatusCode.OK, FakeSqsEndpoint.Ok(action, "")),
        };
        var source = new SqsOutboundEventSource(_sqs.CreateClient(), 0, _sqsLog);

        await RunAsync(source, Intake());

        var rates = await RatesAsync();
        rates["billing"].ShouldBe(new OutboundRates("billing", 1, 0, 1, 0)); // by caller identity; the redelivered bounce counts once
        rates["news"].ShouldBe(new OutboundRates("news", 0, 1, 0, 0));       // no caller identity: by the *@example.org wildcard
        var deleted = _sqs.Requests.Where(r => r.Form["Action"] == "DeleteMessage").Select(r => r.Form["ReceiptHandle"]).Order().ToList();
        deleted.ShouldBe(["h-bounce", "h-bounce-again", "h-delivery", "h-open", "h-send"]);
        _sqsLog.Entries.ShouldContain(e => e.Message.Contains("q6") && e.Message.Contains("dead-letter"));
        _sqs.Requests.ShouldAllBe(r => r.SignatureProblem == null);
    }

    [Fact]
    public async Task Execute_SqsFails_NothingAcknowledgedAndTheJobSurvives()
    {
        _sqs.Respond = r => (HttpStatusCode.InternalServerError, FakeSqsEndpoint.Error("Receiver", "InternalFailure", "try again"));
        var source = new SqsOutboundEventSource(_sqs.CreateClient(), 0, _sqsLog);

        await RunAsync(source, Intake());

        _sqs.Requests.ShouldNotContain(r => r.Form["Action"] == "DeleteMessage");
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
