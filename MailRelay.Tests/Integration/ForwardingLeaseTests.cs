using MailRelay.Core;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Core.Notifications;
using MailRelay.Tests.Fakes;
using MailRelay.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Integration;

/// <summary>
/// The delivery leases' heartbeat: two <see cref="ForwardingService"/>s (two instances, two owners)
/// over one SQLite store and one fake clock, and a mailbox that holds the first batch while the clock moves.
/// </summary>
public sealed class ForwardingLeaseTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly GatedMailbox _mailbox = new();
    private IHost _host = null!;
    private StorePorts Store => StorePorts.From(_host.Services);

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = _data.Path, EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalData:Directory"] = _data.Path,
            ["Forwarding:LeaseDuration"] = "00:00:30",
            ["Forwarding:BlobRetentionDays"] = "1", // the messages have no blob to delete
        });
        builder.AddMailRelayCore();
        builder.Services.AddSingleton<IEmailComposer, MailRelay.Web.Emails.RazorEmailComposer>();
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton(new MailboxDeliveries(_mailbox, _mailbox));
        _host = builder.Build(); // not started: no jobs run but the ones the test runs
        await Store.Schema.InitializeAsync(default);
    }

    public async Task DisposeAsync()
    {
        _mailbox.Open();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
        await Task.CompletedTask;
    }

    [Fact]
    public async Task RunOnce_BatchOutlastingTheLease_KeepsItsLeasesAndDeliversTheWholeLane()
    {
        var ids = await AddLaneAsync("m-1", "m-2");
        var first = NewInstance();
        var second = NewInstance();

        var batch = first.RunOnceAsync(default);
        await _mailbox.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await BeatAsync(ids, times: 6); // two leases long
        var claimedBySecond = await second.RunOnceAsync(default);
        _mailbox.Open();

        claimedBySecond.ShouldBe(0, "the first instance's heartbeat keeps its lane");
        (await batch.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(2);
        _mailbox.Delivered.ShouldBe(["m-1", "m-2"]);
        foreach (var id in ids) (await Store.Deliveries.FindDeliveryAsync(id, default))!.Status.ShouldBe(DeliveryStatus.Delivered);
    }

    [Fact]
    public async Task RunOnce_OtherInstanceStopsBeating_LaneMovesOnOnceItsLastLeaseExpires()
    {
        var ids = await AddLaneAsync("m-1", "m-2");
        var first = NewInstance();
        var second = NewInstance();
        using var crash = new CancellationTokenSource();

        var batch = first.RunOnceAsync(crash.Token);
        await _mailbox.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await BeatAsync(ids, times: 2);
        var whileAlive = await second.RunOnceAsync(default);
        // The first instance stops between beats without finishing or freeing anything, as a dead one does.
        await crash.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => batch.WaitAsync(TimeSpan.FromSeconds(10)));
        var lastLeaseEnds = await LeaseUntilAsync(ids[0]);
        _time.SetUtcNow(lastLeaseEnds);
        var atLeaseEnd = await second.RunOnceAsync(default);
        _mailbox.Open();
        _time.Advance(TimeSpan.FromSeconds(1));
        var afterExpiry = await second.RunOnceAsync(default);

        whileAlive.ShouldBe(0);
        lastLeaseEnds.ShouldBe(TestClock.Start + TimeSpan.FromSeconds(20) + Lease, "renewed at the second beat");
        atLeaseEnd.ShouldBe(0, "the lease still holds at its last instant");
        afterExpiry.ShouldBe(2);
        _mailbox.Delivered.ToList().ShouldBe(["m-1", "m-2"], "taken over in received order");
        foreach (var id in ids) (await Store.Deliveries.FindDeliveryAsync(id, default))!.Status.ShouldBe(DeliveryStatus.Delivered);
    }

    [Fact]
    public async Task RunOnce_LeaseTakenOverWhileWaiting_LeavesTheRestOfTheLaneToTheNewHolder()
    {
        var ids = await AddLaneAsync("m-1", "m-2");
        var first = NewInstance();

        var batch = first.RunOnceAsync(default);
        await _mailbox.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // Another owner holds m-2 now, as after a takeover: the next beat is refused for it.
        await TakeOverAsync(ids[1], "node-b");
        await BeatAsync([ids[0]], times: 1);
        // The heartbeat notes the refusal right after the store answers; LeaseHeartbeatTests pin that down exactly.
        await Task.Delay(200);
        _mailbox.Open();

        (await batch.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(2);
        _mailbox.Delivered.ToList().ShouldBe(["m-1"], "m-2 is not delivered on a lease this instance lost");
        (await Store.Deliveries.FindDeliveryAsync(ids[1], default))!.Status.ShouldBe(DeliveryStatus.Pending);
        (await LeaseOwnerAsync(ids[1])).ShouldBe("node-b");
    }

    private ForwardingService NewInstance() => ActivatorUtilities.CreateInstance<ForwardingService>(_host.Services);

    /// <summary>One user's lane of messages, in this order.</summary>
    private async Task<List<long>> AddLaneAsync(params string[] messageIds)
    {
        var ids = new List<long>();
        foreach (var id in messageIds)
        {
            var now = _time.GetUtcNow();
            var message = new StoredMessage(id, 0, "test", now, "inbound/" + id, ["alice@example.com"], Verdicts.Unknown,
                new MessageSummary(null, "alice@example.com", id, now, $"<{id}@example.org>", 100, null), false);
            await Store.Messages.AddMessageAsync(message, [new NewDelivery("alice@example.com", "alice", DeliveryTarget.LocalMailbox, DeliveryStatus.Pending, false, null)], now, default);
            ids.Add((await Store.Deliveries.ListDeliveriesOfMessageAsync(id, default)).Single().Id);
        }
        return ids;
    }

    /// <summary>Moves the clock a heartbeat (a third of the lease) at a time, waiting each time until the renewal is in the store.</summary>
    private async Task BeatAsync(IReadOnlyList<long> ids, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _time.Advance(Lease / 3);
            var expected = _time.GetUtcNow() + Lease;
            await RelayHost.EventuallyAsync(async () => await LeaseUntilAsync(ids[0]) >= expected, $"the lease is renewed to {expected:HH:mm:ss}", TimeSpan.FromSeconds(10));
        }
    }

    private async Task<DateTimeOffset> LeaseUntilAsync(long id) =>
        DateTimeOffset.Parse((string)(await ScalarAsync($"SELECT lease_until FROM deliveries WHERE id = {id}"))!, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string?> LeaseOwnerAsync(long id) => await ScalarAsync($"SELECT lease_owner FROM deliveries WHERE id = {id}") as string;

    private Task TakeOverAsync(long id, string owner) =>
        ScalarAsync($"UPDATE deliveries SET lease_owner = '{owner}' WHERE id = {id}");

    /// <summary>Reads or sets lease columns directly: the port shows no leases, and the test needs to see them.</summary>
    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await _host.Services.GetRequiredService<SqliteDatabase>().OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
