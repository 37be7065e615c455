using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Adapters;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Unit;

public class SqsInboundSourceTests : IAsyncLifetime
{
    private static readonly string SesBody = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ses", "sqs-body-ses-received.json"));
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly CapturingLogger<SqsInboundSource> _log = new();
    private readonly SqsInboundOptions _options = new() { QueueUrl = FakeSqsEndpoint.QueueUrl, Region = FakeSqsEndpoint.Region, WaitTimeSeconds = 1, VisibilityTimeoutSeconds = 300 };
    private FakeSqsEndpoint _sqs = null!;

    public async Task InitializeAsync() => _sqs = await FakeSqsEndpoint.StartAsync(_clock);

    public async Task DisposeAsync() => await _sqs.DisposeAsync();

    private SqsInboundSource Source() => new(_sqs.CreateQueue(), Microsoft.Extensions.Options.Options.Create(_options), _log);

    private List<string> OperationsSince(int mark) => _sqs.Requests.Skip(mark).Select(r => r.Operation).ToList();

    [Fact]
    public async Task ReceiveAsync_SesNotification_BecomesAnItemWithTheS3Key()
    {
        _sqs.Queue.Send(SesBody);

        var items = await Source().ReceiveAsync(25, CancellationToken.None);

        var item = items.ShouldHaveSingleItem();
        item.ShouldBe(item with
        {
            MessageId = "abc123def456ghi789jkl012mno345pqr678stu901",
            Source = "ses",
            ReceivedAt = new DateTimeOffset(2025, 10, 22, 6, 24, 7, 417, TimeSpan.Zero),
            Verdicts = new Verdicts("PASS", "PASS", "PASS", "PASS", "PASS"),
            ExistingBlobKey = "emails/abc123def456ghi789jkl012mno345pqr678stu901",
            OpenRaw = null,
        });
        item.Recipients.ShouldBe(["recipient@mail.example.com"]);
        item.Handle.ShouldNotBeNullOrEmpty();
        var request = _sqs.Requests.ShouldHaveSingleItem();
        request.Int("MaxNumberOfMessages").ShouldBe(10); // SQS's ceiling, whatever was asked
        request.Int("WaitTimeSeconds").ShouldBe(1);
        request.Int("VisibilityTimeout").ShouldBe(300);
    }

    [Fact]
    public async Task ReceiveAsync_UnusableMessages_AreSkippedLoggedWithoutBodyAndNotDeleted()
    {
        var bounce = SesBody.Replace("\\\"notificationType\\\":\\\"Received\\\"", "\\\"notificationType\\\":\\\"Bounce\\\"", StringComparison.Ordinal);
        bounce.ShouldNotBe(SesBody);
        var bad = _sqs.Queue.Send("{ not json: private-body-text");
        var source = Source();
        for (var receive = 0; receive < 2; receive++)
        {
            (await source.ReceiveAsync(10, CancellationToken.None)).ShouldBeEmpty();
            _clock.Advance(TimeSpan.FromSeconds(_options.VisibilityTimeoutSeconds + 1));
        }
        var bounceId = _sqs.Queue.Send(bounce);
        _sqs.Queue.Send(SesBody);
        var mark = _sqs.Requests.Count;

        var items = await source.ReceiveAsync(10, CancellationToken.None);

        items.ShouldHaveSingleItem().MessageId.ShouldBe("abc123def456ghi789jkl012mno345pqr678stu901");
        var warnings = _log.Entries.Where(e => e.Level == LogLevel.Warning).Skip(2).ToList();
        warnings.Count.ShouldBe(2);
        warnings[0].Properties["SqsMessageId"].ShouldBe(bad);
        warnings[0].Properties["ReceiveCount"].ShouldBe(3);
        warnings[0].Message.ShouldNotContain("private-body-text");
        warnings[1].Properties["SqsMessageId"].ShouldBe(bounceId);
        warnings[1].Properties["Reason"].ShouldBe("The SES notification type is 'Bounce', not 'Received'.");
        // Left alone for the dead-letter queue: no delete, no visibility change.
        OperationsSince(mark).ShouldBe(["ReceiveMessage"]);
        _sqs.Queue.Count.ShouldBe(3);
    }

    [Fact]
    public async Task AcknowledgeAsync_DeletesByReceiptHandle()
    {
        _sqs.Queue.Send(SesBody);
        var source = Source();
        var item = (await source.ReceiveAsync(10, CancellationToken.None)).ShouldHaveSingleItem();

        await source.AcknowledgeAsync(item, CancellationToken.None);

        var request = _sqs.Requests[^1];
        request.Operation.ShouldBe("DeleteMessage");
        request.String("ReceiptHandle").ShouldBe(item.Handle);
        _sqs.Queue.Count.ShouldBe(0);
    }

    [Theory]
    [InlineData(90.2, 91)]
    [InlineData(-5, 0)]
    [InlineData(1_000_000, 43_200)]
    public async Task AbandonAsync_ChangesVisibilityToTheRetryDelay(double seconds, int expected)
    {
        var id = _sqs.Queue.Send(SesBody);
        var source = Source();
        var item = (await source.ReceiveAsync(10, CancellationToken.None)).ShouldHaveSingleItem();

        await source.AbandonAsync(item, TimeSpan.FromSeconds(seconds), CancellationToken.None);

        var request = _sqs.Requests[^1];
        request.Operation.ShouldBe("ChangeMessageVisibility");
        request.String("ReceiptHandle").ShouldBe(item.Handle);
        request.Int("VisibilityTimeout").ShouldBe(expected);
        _sqs.Queue.VisibleAt(id).ShouldBe(_clock.GetUtcNow().AddSeconds(expected));
    }

    [Fact]
    public async Task CountWaitingAsync_AsksForApproximateNumberOfMessages()
    {
        for (var i = 0; i < 7; i++) _sqs.Queue.Send(SesBody);

        (await Source().CountWaitingAsync(CancellationToken.None)).ShouldBe(7);

        _sqs.Requests.ShouldHaveSingleItem().Strings("AttributeNames").ShouldBe(["ApproximateNumberOfMessages"]);
    }
}
