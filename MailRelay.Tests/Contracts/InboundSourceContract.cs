using MailRelay.Core.Inbound;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Contracts;

/// <summary>
/// What every <see cref="IInboundSource"/> adapter must do. Items are told apart by their one
/// envelope recipient, since each source makes its own message ids. Time is a fake clock: the
/// adapters hide and release items by it.
/// </summary>
public abstract class InboundSourceContract : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow.AddMinutes(1));

    protected IInboundSource Source { get; private set; } = null!;

    /// <summary>How long an item that was received but neither acknowledged nor abandoned stays hidden.</summary>
    protected abstract TimeSpan RedeliveryAfter { get; }

    protected abstract Task<IInboundSource> CreateSourceAsync();

    /// <summary>Puts a new-mail notification for one message to <paramref name="recipient"/> into the source.</summary>
    protected abstract Task EnqueueAsync(string recipient);

    /// <summary>Asserts that <paramref name="item"/> leads to the raw message enqueued for <paramref name="recipient"/> (its blob key or its content).</summary>
    protected abstract Task ShouldLeadToTheRawMessageAsync(InboundItem item, string recipient);

    /// <summary>Puts in something the source cannot turn into an item (for its kind of input).</summary>
    protected abstract Task EnqueueMalformedAsync();

    public async Task InitializeAsync() => Source = await CreateSourceAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private async Task<IReadOnlyList<InboundItem>> ReceiveAsync(int max = 10) => await Source.ReceiveAsync(max, default);

    private static string RecipientOf(InboundItem item) => item.Recipients.ShouldHaveSingleItem();

    private void PastRedelivery() => Clock.Advance(RedeliveryAfter + TimeSpan.FromSeconds(1));

    [Fact]
    public async Task Receive_Enqueued_ReturnsItWithItsRecipientAndAWayToTheRawMessage()
    {
        await EnqueueAsync("alice@mail.example.com");

        var item = (await ReceiveAsync()).ShouldHaveSingleItem();

        RecipientOf(item).ShouldBe("alice@mail.example.com");
        item.MessageId.ShouldNotBeNullOrWhiteSpace();
        item.Handle.ShouldNotBeNullOrWhiteSpace();
        await ShouldLeadToTheRawMessageAsync(item, "alice@mail.example.com");
    }

    [Fact]
    public async Task Acknowledge_RemovesTheItemForGood()
    {
        await EnqueueAsync("alice@mail.example.com");
        var item = (await ReceiveAsync()).ShouldHaveSingleItem();

        await Source.AcknowledgeAsync(item, default);
        PastRedelivery();

        (await ReceiveAsync()).ShouldBeEmpty();
        (await Source.CountWaitingAsync(default)).ShouldBe(0);
    }

    [Fact]
    public async Task NotAcknowledged_IsReceivedAgainAfterTheVisibilityTimeoutWithTheSameMessageId()
    {
        await EnqueueAsync("alice@mail.example.com");
        var first = (await ReceiveAsync()).ShouldHaveSingleItem();

        PastRedelivery();
        var again = (await ReceiveAsync()).ShouldHaveSingleItem();

        again.MessageId.ShouldBe(first.MessageId);
        RecipientOf(again).ShouldBe("alice@mail.example.com");
        await Source.AcknowledgeAsync(again, default);
        PastRedelivery();
        (await ReceiveAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Abandon_HidesTheItemUntilRetryAfterThenItComesBack()
    {
        await EnqueueAsync("alice@mail.example.com");
        var item = (await ReceiveAsync()).ShouldHaveSingleItem();
        var retryAfter = RedeliveryAfter + TimeSpan.FromMinutes(10);

        await Source.AbandonAsync(item, retryAfter, default);
        PastRedelivery();
        (await ReceiveAsync()).ShouldBeEmpty();

        Clock.Advance(TimeSpan.FromMinutes(10));
        RecipientOf((await ReceiveAsync()).ShouldHaveSingleItem()).ShouldBe("alice@mail.example.com");
    }

    [Fact]
    public async Task Receive_MaxItems_ReturnsAtMostThatManyAndTheRestLater()
    {
        foreach (var name in new[] { "a", "b", "c" }) await EnqueueAsync($"{name}@mail.example.com");

        var first = await ReceiveAsync(2);
        foreach (var item in first) await Source.AcknowledgeAsync(item, default);
        var rest = await ReceiveAsync(10);

        first.Count.ShouldBe(2);
        first.Concat(rest).Select(RecipientOf).Order().ShouldBe(["a@mail.example.com", "b@mail.example.com", "c@mail.example.com"]);
    }

    [Fact]
    public async Task CountWaiting_CountsItemsNotYetReceived()
    {
        await EnqueueAsync("a@mail.example.com");
        await EnqueueAsync("b@mail.example.com");

        (await Source.CountWaitingAsync(default)).ShouldBe(2);
    }

    [Fact]
    public async Task Receive_MalformedItem_IsSkippedKeptInTheSourceAndDoesNotBlockGoodOnes()
    {
        await EnqueueMalformedAsync();
        await EnqueueAsync("alice@mail.example.com");

        var items = await ReceiveAsync();
        RecipientOf(items.ShouldHaveSingleItem()).ShouldBe("alice@mail.example.com");
        await Source.AcknowledgeAsync(items[0], default);

        // Never dropped silently: it is still there for an admin (folder) or the dead-letter queue (SQS).
        PastRedelivery();
        (await Source.CountWaitingAsync(default)).ShouldBe(1);
        (await ReceiveAsync()).ShouldBeEmpty();
    }
}
