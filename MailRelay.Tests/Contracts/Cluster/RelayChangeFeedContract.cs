using MailRelay.Core.Cluster;
using MailRelay.Core.Common;

namespace MailRelay.Tests.Contracts.Cluster;

/// <summary>What every <see cref="IRelayChangeFeed"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract class RelayChangeFeedContract : IAsyncLifetime
{
    /// <summary>Ten seconds before a minute ends, so windows around it span two minutes.</summary>
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 50, TimeSpan.Zero);

    private static readonly RelayChange Delivered = new("deliveries.changed", "sub-alice", null);
    private static readonly RelayChange Received = new("message.received", null, "ses-1");

    protected IRelayChangeFeed Feed { get; private set; } = null!;

    protected abstract Task<IRelayChangeFeed> CreateFeedAsync();

    public async Task InitializeAsync() => Feed = await CreateFeedAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Read_AnotherInstancesBatch_ComesWithItsChangesAsAppended()
    {
        await Feed.AppendAsync("node-a", T0, [Delivered, Received], default);

        var batch = (await Feed.ReadAsync(T0.AddSeconds(-5), T0.AddSeconds(5), "node-b", default)).ShouldHaveSingleItem();

        (batch.Origin, batch.At).ShouldBe(("node-a", T0));
        batch.Changes.ShouldBe([Delivered, Received]);
    }

    [Fact]
    public async Task Read_ByTheOrigin_LeavesItsOwnBatchesOut()
    {
        await Feed.AppendAsync("node-a", T0, [Delivered], default);
        await Feed.AppendAsync("node-b", T0.AddSeconds(1), [Received], default);

        var readByA = await Feed.ReadAsync(T0.AddSeconds(-5), T0.AddSeconds(5), "node-a", default);

        readByA.ShouldHaveSingleItem().Origin.ShouldBe("node-b");
    }

    [Fact]
    public async Task Read_WindowAcrossAMinute_ReturnsWhatItCoversOldestFirst()
    {
        await Feed.AppendAsync("node-a", T0.AddSeconds(15), [Received], default);
        await Feed.AppendAsync("node-a", T0.AddSeconds(-20), [Delivered], default);
        await Feed.AppendAsync("node-a", T0.AddSeconds(5), [Delivered], default);
        await Feed.AppendAsync("node-a", T0.AddSeconds(25), [Received], default);

        var read = await Feed.ReadAsync(T0.AddSeconds(5), T0.AddSeconds(25), "node-b", default);

        read.Select(b => b.At).ShouldBe([T0.AddSeconds(5), T0.AddSeconds(15)], "from is in the window, to is not");
    }

    [Fact]
    public async Task Append_TwiceAtTheSameInstant_KeepsBothWithTheirOwnIds()
    {
        await Feed.AppendAsync("node-a", T0, [Delivered], default);
        await Feed.AppendAsync("node-a", T0, [Received], default);

        var read = await Feed.ReadAsync(T0, T0.AddSeconds(1), "node-b", default);

        read.SelectMany(b => b.Changes).ShouldBe([Delivered, Received], ignoreOrder: true);
        read.Select(b => b.Id).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task Read_TheSameWindowAgain_ReturnsTheSameIds()
    {
        await Feed.AppendAsync("node-a", T0, [Delivered], default);

        var first = await Feed.ReadAsync(T0.AddSeconds(-5), T0.AddSeconds(5), "node-b", default);
        var again = await Feed.ReadAsync(T0.AddSeconds(-1), T0.AddSeconds(9), "node-b", default);

        again.Select(b => b.Id).ShouldBe(first.Select(b => b.Id), "readers drop what they have seen by id");
    }
}
