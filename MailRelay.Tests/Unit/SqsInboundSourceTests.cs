using System.Net;
using System.Security;
using MailRelay.Core.Adapters.Aws;
using MailRelay.Core.Domain;
using MailRelay.Core.Ports;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Logging;

namespace MailRelay.Tests.Unit;

public class SqsInboundSourceTests : IAsyncLifetime
{
    private static readonly string SesBody = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ses", "sqs-body-ses-received.json"));
    private FakeSqsEndpoint _sqs = null!;
    private readonly CapturingLogger<SqsInboundSource> _log = new();
    private readonly SqsInboundOptions _options = new() { QueueUrl = FakeSqsEndpoint.QueueUrl, Region = FakeSqsEndpoint.Region, WaitTimeSeconds = 1, VisibilityTimeoutSeconds = 300 };

    public async Task InitializeAsync() => _sqs = await FakeSqsEndpoint.StartAsync();

    public async Task DisposeAsync() => await _sqs.DisposeAsync();

    private SqsInboundSource Source() => new(_sqs.CreateClient(), Microsoft.Extensions.Options.Options.Create(_options), _log);

    private static string Message(string id, string handle, string body, int receiveCount = 1) =>
        $"<Message><MessageId>{id}</MessageId><ReceiptHandle>{handle}</ReceiptHandle><Body>{SecurityElement.Escape(body)}</Body>" +
        $"<Attribute><Name>ApproximateReceiveCount</Name><Value>{receiveCount}</Value></Attribute></Message>";

    [Fact]
    public async Task ReceiveAsync_SesNotification_BecomesAnItemWithTheS3Key()
    {
        _sqs.Respond = _ => (HttpStatusCode.OK, FakeSqsEndpoint.Ok("ReceiveMessage", Message("sqs-1", "handle-1", SesBody)));

        var items = await Source().ReceiveAsync(25, CancellationToken.None);

        var item = items.ShouldHaveSingleItem();
        item.ShouldBe(item with
        {
            Handle = "handle-1",
            MessageId = "abc123def456ghi789jkl012mno345pqr678stu901",
            Source = "ses",
            ReceivedAt = new DateTimeOffset(2025, 10, 22, 6, 24, 7, 417, TimeSpan.Zero),
            Verdicts = new Verdicts("PASS", "PASS", "PASS", "PASS", "PASS"),
            ExistingBlobKey = "emails/abc123def456ghi789jkl012mno345pqr678stu901",
            OpenRaw = null,
        });
        item.Recipients.ShouldBe(["recipient@mail.example.com"]);
        var form = _sqs.Requests.ShouldHaveSingleItem().Form;
        form["MaxNumberOfMessages"].ShouldBe("10"); // SQS's ceiling, whatever was asked
        form["WaitTimeSeconds"].ShouldBe("1");
        form["VisibilityTimeout"].ShouldBe("300");
    }

    [Fact]
    public async Task ReceiveAsync_UnusableMessages_AreSkippedLoggedWithoutBodyAndNotDeleted()
    {
        var bounce = SesBody.Replace("\\\"notificationType\\\":\\\"Received\\\"", "\\\"notificationType\\\":\\\"Bounce\\\"", StringComparison.Ordinal);
        bounce.ShouldNotBe(SesBody);
        _sqs.Respond = _ => (HttpStatusCode.OK, FakeSqsEndpoint.Ok("ReceiveMessage",
            Message("sqs-bad", "handle-bad", "{ not json: private-body-text", receiveCount: 3)
            + Message("sqs-bounce", "handle-bounce", bounce)
            + Message("sqs-good", "handle-good", SesBody)));

        var items = await Source().ReceiveAsync(10, CancellationToken.None);

        items.ShouldHaveSingleItem().Handle.ShouldBe("handle-good");
        var warnings = _log.Entries.Where(e => e.Level == LogLevel.Warning).ToList();
        warnings.Count.ShouldBe(2);
        warnings[0].Properties["SqsMessageId"].ShouldBe("sqs-bad");
        warnings[0].Properties["ReceiveCount"].ShouldBe(3);
        warnings[0].Message.ShouldNotContain("private-body-text");
        warnings[1].Properties["Reason"].ShouldBe("The SES notification type is 'Bounce', not 'Received'.");
        // Left alone for the dead-letter queue: no delete, no visibility change.
        _sqs.Requests.Select(r => r.Form["Action"]).ShouldBe(["ReceiveMessage"]);
    }

    [Fact]
    public async Task AcknowledgeAsync_DeletesByReceiptHandle()
    {
        await Source().AcknowledgeAsync(Item("handle-42"), CancellationToken.None);

        var request = _sqs.Requests.ShouldHaveSingleItem();
        request.Form["Action"].ShouldBe("DeleteMessage");
        request.Form["ReceiptHandle"].ShouldBe("handle-42");
    }

    [Theory]
    [InlineData(90.2, "91")]
    [InlineData(-5, "0")]
    [InlineData(1_000_000, "43200")]
    public async Task AbandonAsync_ChangesVisibilityToTheRetryDelay(double seconds, string expected)
    {
        await Source().AbandonAsync(Item("handle-7"), TimeSpan.FromSeconds(seconds), CancellationToken.None);

        var request = _sqs.Requests.ShouldHaveSingleItem();
        request.Form["Action"].ShouldBe("ChangeMessageVisibility");
        request.Form["ReceiptHandle"].ShouldBe("handle-7");
        request.Form["VisibilityTimeout"].ShouldBe(expected);
    }

    [Fact]
    public async Task CountWaitingAsync_AsksForApproximateNumberOfMessages()
    {
        _sqs.Respond = _ => (HttpStatusCode.OK, FakeSqsEndpoint.Ok("GetQueueAttributes", "<Attribute><Name>ApproximateNumberOfMessages</Name><Value>7</Value></Attribute>"));

        (await Source().CountWaitingAsync(CancellationToken.None)).ShouldBe(7);
    }

    private static InboundItem Item(string handle) =>
        new(handle, "ses-id", "ses", ["a@example.com"], Verdicts.Unknown, null, "emails/ses-id", null);
}
