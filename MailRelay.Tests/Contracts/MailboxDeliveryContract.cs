using MailRelay.Core.Forwarding;
using MailRelay.Core.Storage;
using MailRelay.Tests.Integration;

namespace MailRelay.Tests.Contracts;

/// <summary>
/// What every <see cref="IMailboxDelivery"/> adapter must do: the bytes SES received land in the
/// recipient's own mailbox unchanged, and failures come back as results with a reason, never as
/// exceptions (except the caller's cancellation).
/// </summary>
public abstract class MailboxDeliveryContract : IAsyncLifetime
{
    protected const string Alice = "alice";
    protected const string Bob = "bob";

    protected IMailboxDelivery Delivery { get; private set; } = null!;

    protected abstract Task<IMailboxDelivery> CreateDeliveryAsync();

    /// <summary>Makes the user's mailbox reachable (a connected Gmail, or nothing for a folder).</summary>
    protected abstract Task PrepareMailboxAsync(string userId);

    /// <summary>The raw messages in the user's mailbox.</summary>
    protected abstract Task<IReadOnlyList<byte[]>> MailboxAsync(string userId);

    public async Task InitializeAsync()
    {
        Delivery = await CreateDeliveryAsync();
        await PrepareMailboxAsync(Alice);
        await PrepareMailboxAsync(Bob);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(2_000)]
    [InlineData(6_000_000)] // above Gmail's simple-upload size, with 8-bit bytes throughout
    public async Task Deliver_TheMailboxHoldsTheExactBytes(int size)
    {
        var raw = GmailDeliveryHarness.RawMessage(size, seed: size);

        var result = await Delivery.DeliverAsync(GmailDeliveryHarness.Request(Alice, raw), default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.Delivered, result.Error);
        result.ExternalId.ShouldNotBeNullOrWhiteSpace();
        (await MailboxAsync(Alice)).ShouldHaveSingleItem().ShouldBe(raw);
    }

    [Fact]
    public async Task Deliver_ToTwoUsers_EachMessageIsOnlyInItsRecipientsMailbox()
    {
        var forAlice = GmailDeliveryHarness.RawMessage(seed: 1);
        var forBob = GmailDeliveryHarness.RawMessage(seed: 2);

        (await Delivery.DeliverAsync(GmailDeliveryHarness.Request(Alice, forAlice), default)).Outcome.ShouldBe(MailboxDeliveryOutcome.Delivered);
        (await Delivery.DeliverAsync(GmailDeliveryHarness.Request(Bob, forBob), default)).Outcome.ShouldBe(MailboxDeliveryOutcome.Delivered);

        (await MailboxAsync(Alice)).ShouldHaveSingleItem().ShouldBe(forAlice);
        (await MailboxAsync(Bob)).ShouldHaveSingleItem().ShouldBe(forBob);
    }

    [Fact]
    public async Task Deliver_RawMessageMissing_IsAMessageErrorWithTheReason_AndTheMailboxStaysEmpty()
    {
        var request = new MailboxDeliveryRequest(Alice, "ses-missing", 2_000, false,
            _ => throw new BlobNotFoundException("inbound/ses-missing"));

        var result = await Delivery.DeliverAsync(request, default);

        result.Outcome.ShouldBe(MailboxDeliveryOutcome.MessageError);
        result.Error.ShouldNotBeNull().ShouldContain("missing");
        (await MailboxAsync(Alice)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Deliver_CallerAlreadyCancelled_IsCancelled_AndTheMailboxStaysEmpty()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(
            () => Delivery.DeliverAsync(GmailDeliveryHarness.Request(Alice, GmailDeliveryHarness.RawMessage()), cancelled.Token));

        (await MailboxAsync(Alice)).ShouldBeEmpty();
    }
}
