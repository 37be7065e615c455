using MailRelay.Core.Outbound;
using MailRelay.Core.Outbound.Adapters;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailRelay.Tests.Contracts;

/// <summary>The outbound events contract through the real AWSSDK.SQS client against the fake SQS queue.</summary>
public sealed class SqsOutboundEventSourceContractTests : OutboundEventSourceContract
{
    private const string EventsQueueUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/mailrelay-outbound-events";
    private FakeSqsEndpoint _sqs = null!;

    protected override TimeSpan RedeliveryAfter => TimeSpan.FromSeconds(_sqs.Queue.DefaultVisibilityTimeoutSeconds);

    protected override async Task<IOutboundEventSource> CreateSourceAsync()
    {
        _sqs = await FakeSqsEndpoint.StartAsync(Clock, EventsQueueUrl);
        return new SqsOutboundEventSource(_sqs.CreateQueue(), 0, NullLogger<SqsOutboundEventSource>.Instance);
    }

    protected override Task PutAsync(string body)
    {
        _sqs.Queue.Send(body);
        return Task.CompletedTask;
    }

    protected override Task<IReadOnlyList<string>> WaitingBodiesAsync() => Task.FromResult(_sqs.Queue.Bodies);

    /// <summary>Left in the queue, so its redrive policy moves it to the dead-letter queue an admin reads.</summary>
    protected override Task ShouldBeKeptForAnAdminAsync(string body)
    {
        _sqs.Queue.Bodies.ShouldContain(body);
        _sqs.Requests.ShouldAllBe(r => r.SignatureProblem == null);
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync() => await _sqs.DisposeAsync();
}
