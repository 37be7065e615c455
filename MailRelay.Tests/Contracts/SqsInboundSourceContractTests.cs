using Amazon.SQS.Model;
using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Adapters;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailRelay.Tests.Contracts;

/// <summary>The inbound contract through the real AWSSDK.SQS client against the fake SQS queue.</summary>
public sealed class SqsInboundSourceContractTests : InboundSourceContract
{
    private const int VisibilityTimeoutSeconds = 120;
    private FakeSqsEndpoint _sqs = null!;
    private FakeSqsQueue _queue = null!;

    protected override TimeSpan RedeliveryAfter => TimeSpan.FromSeconds(VisibilityTimeoutSeconds);

    protected override async Task<IInboundSource> CreateSourceAsync()
    {
        _sqs = await FakeSqsEndpoint.StartAsync(Clock);
        _queue = _sqs.Queue;
        var options = new SqsInboundOptions
        {
            QueueUrl = FakeSqsEndpoint.QueueUrl, Region = FakeSqsEndpoint.Region, WaitTimeSeconds = 0, VisibilityTimeoutSeconds = VisibilityTimeoutSeconds,
        };
        return new SqsInboundSource(_sqs.CreateQueue(), Microsoft.Extensions.Options.Options.Create(options), NullLogger<SqsInboundSource>.Instance);
    }

    protected override Task EnqueueAsync(string recipient)
    {
        var id = Guid.NewGuid().ToString("N");
        _queue.Send(SesNotifications.SqsBody(id, [recipient], $"inbound/{id}"));
        return Task.CompletedTask;
    }

    /// <summary>SES stored the message in S3 under the key the notification names (here inbound/{message id}).</summary>
    protected override Task ShouldLeadToTheRawMessageAsync(InboundItem item, string recipient)
    {
        item.ExistingBlobKey.ShouldBe($"inbound/{item.MessageId}");
        return Task.CompletedTask;
    }

    protected override Task EnqueueMalformedAsync()
    {
        _queue.Send("{ \"Type\": \"Notification\", \"Message\": \"not an SES notification\" }");
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync() => await _sqs.DisposeAsync();

    [Fact]
    public async Task Receive_MalformedItem_MovesToTheDeadLetterQueueAfterFiveReceives()
    {
        await EnqueueMalformedAsync();

        for (var receive = 0; receive < 6; receive++)
        {
            (await Source.ReceiveAsync(10, default)).ShouldBeEmpty();
            Clock.Advance(RedeliveryAfter + TimeSpan.FromSeconds(1));
        }

        _queue.DeadLetters.ShouldHaveSingleItem().ShouldContain("not an SES notification");
        _queue.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Acknowledge_StaleReceiptHandleAfterRedelivery_KeepsTheRedeliveredMessage()
    {
        await EnqueueAsync("alice@mail.example.com");
        var stale = (await Source.ReceiveAsync(10, default)).ShouldHaveSingleItem();
        Clock.Advance(RedeliveryAfter + TimeSpan.FromSeconds(1));
        var current = (await Source.ReceiveAsync(10, default)).ShouldHaveSingleItem();

        // As in SQS: the delete "succeeds" but the message stays; intake is idempotent by message id.
        await Source.AcknowledgeAsync(stale, default);
        _queue.Count.ShouldBe(1);
        await Should.ThrowAsync<ReceiptHandleIsInvalidException>(() => Source.AbandonAsync(stale, TimeSpan.FromSeconds(5), default));

        await Source.AcknowledgeAsync(current, default);
        _queue.Count.ShouldBe(0);
    }
}
