using System.Collections.Concurrent;
using System.Text;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace MailRelay.Tests.Integration;

/// <summary>
/// The inbound loop stores a batch's messages at the same time, except where order matters: mail to one
/// address is stored (numbered) in the order the source gave it, however long each takes to read, and
/// every stored item is acknowledged.
/// </summary>
public sealed class ReceiveInboundMailTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private RelayHost _host = null!;

    public async Task InitializeAsync() => _host = await RelayHost.StartAsync(_data.Path);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task BatchWithMailToOneAddress_ThatAddressKeepsSourceOrder_OthersDoNotWaitForIt()
    {
        // alice's first message is slow to read: her later ones must still be numbered after it, while
        // bob's and carol's are stored meanwhile.
        var source = new BatchSource(
            Item("alice-1", "alice@example.com", readDelay: TimeSpan.FromMilliseconds(400)),
            Item("bob-1", "bob@example.com"),
            Item("alice-2", "alice@example.com"),
            Item("carol-1", "carol@example.com"),
            Item("alice-3", "alice@example.com"));

        await BackgroundJobs.RunAsync(new ReceiveInboundMail(source, _host.Services.GetRequiredService<MessageIntake>(),
            _host.Services.GetRequiredService<IForwardingScheduler>(), NullLogger<ReceiveInboundMail>.Instance));

        var sequence = new Dictionary<string, long>();
        foreach (var id in new[] { "alice-1", "alice-2", "alice-3", "bob-1", "carol-1" })
            sequence[id] = (await _host.Store.Messages.FindMessageAsync(id, default)).ShouldNotBeNull($"{id} is stored").Sequence;
        sequence["alice-1"].ShouldBeLessThan(sequence["alice-2"]);
        sequence["alice-2"].ShouldBeLessThan(sequence["alice-3"]);
        sequence["bob-1"].ShouldBeLessThan(sequence["alice-1"], "bob's message did not wait for alice's slow one");
        sequence["carol-1"].ShouldBeLessThan(sequence["alice-1"], "carol's message did not wait for alice's slow one");
        source.Acknowledged.Order().ShouldBe(["alice-1", "alice-2", "alice-3", "bob-1", "carol-1"]);
    }

    private static InboundItem Item(string id, string recipient, TimeSpan? readDelay = null) =>
        new(id, id, "test", [recipient], Verdicts.Unknown, DateTimeOffset.UtcNow, null, async token =>
        {
            if (readDelay is { } delay) await Task.Delay(delay, token);
            return new MemoryStream(Encoding.UTF8.GetBytes(MessageFiles.Raw(recipient, id)));
        });

    /// <summary>Gives its items as one batch, then nothing.</summary>
    private sealed class BatchSource(params InboundItem[] batch) : IInboundSource
    {
        private bool _given;

        public ConcurrentBag<string> Acknowledged { get; } = [];

        public Task<IReadOnlyList<InboundItem>> ReceiveAsync(int maxItems, CancellationToken cancellationToken)
        {
            IReadOnlyList<InboundItem> items = _given ? [] : batch;
            _given = true;
            return Task.FromResult(items);
        }

        public Task AcknowledgeAsync(InboundItem item, CancellationToken cancellationToken)
        {
            Acknowledged.Add(item.MessageId);
            return Task.CompletedTask;
        }

        public Task AbandonAsync(InboundItem item, TimeSpan retryAfter, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"{item.MessageId} was abandoned.");

        public Task<int> CountWaitingAsync(CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
