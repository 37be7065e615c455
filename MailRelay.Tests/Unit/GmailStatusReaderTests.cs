using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound;
using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Unit;

/// <summary>How a stored connection and the user's deliveries become the status a user sees, on a fake clock.</summary>
public sealed class GmailStatusReaderTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private StorePorts _store = null!;
    private GmailStatusReader _reader = null!;

    private DateTimeOffset Now => _time.GetUtcNow();

    public async Task InitializeAsync()
    {
        _store = StorePorts.Sqlite(new SqliteDatabase(Path.Combine(_data.Path, "mailrelay.db")));
        await _store.Schema.InitializeAsync(default);
        foreach (var user in new[] { "alice", "bob" }) await _store.Users.EnsureUserAsync(user, $"{user}@localhost", user, [], Now, default);
        _reader = new GmailStatusReader(_store.Gmail, _store.Deliveries, _time);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<GmailConnectionStatus, int?, int, GmailState> States => new()
    {
        // stored status, hours until expiry (null = unknown), failures, state shown
        { GmailConnectionStatus.Connected, null, 0, GmailState.Connected },
        { GmailConnectionStatus.Connected, 24 * 7, 0, GmailState.Connected },
        { GmailConnectionStatus.Connected, 25, 0, GmailState.Connected },
        { GmailConnectionStatus.Connected, 23, 0, GmailState.ExpiringSoon },
        { GmailConnectionStatus.Connected, 0, 0, GmailState.Expired },
        { GmailConnectionStatus.Connected, -5, 0, GmailState.Expired },
        { GmailConnectionStatus.Failing, 100, 2, GmailState.Failing },
        { GmailConnectionStatus.Failing, 10, 2, GmailState.Failing },
        { GmailConnectionStatus.Failing, -1, 2, GmailState.Expired },
        { GmailConnectionStatus.Expired, 100, 1, GmailState.Expired },
        { GmailConnectionStatus.Revoked, 100, 1, GmailState.Revoked },
        { GmailConnectionStatus.Disabled, 100, 3, GmailState.Disabled },
    };

    [Theory]
    [MemberData(nameof(States))]
    public async Task Read_StoredConnection_ShowsTheState(GmailConnectionStatus stored, int? hoursLeft, int failures, GmailState expected)
    {
        await _store.Gmail.SaveGmailConnectionAsync(new GmailConnection("alice", "alice@gmail.example", "protected", "gmail.insert", Now.AddDays(-1),
            hoursLeft is { } h ? Now.AddHours(h) : null, stored, failures, failures > 0 ? "Google said no" : null, failures > 0 ? Now.AddMinutes(-3) : null), default);

        var status = await _reader.ReadAsync("alice", default);

        status.State.ShouldBe(expected);
        status.FailureCount.ShouldBe(failures);
        status.GmailAddress.ShouldBe("alice@gmail.example");
        status.NeedsReconnect.ShouldBe(expected is GmailState.Expired or GmailState.Revoked or GmailState.Disabled);
    }

    [Fact]
    public async Task Read_NoConnection_IsNotConnectedWithTheQueueCountsAndOldestAge()
    {
        await SeedAsync("alice", DeliveryStatus.Queued, Now.AddHours(-5));
        await SeedAsync("alice", DeliveryStatus.Queued, Now.AddHours(-1));
        await SeedAsync("alice", DeliveryStatus.Failed, Now.AddHours(-2));
        await SeedAsync("alice", DeliveryStatus.Delivered, Now.AddDays(-3));
        await SeedAsync("bob", DeliveryStatus.Queued, Now.AddDays(-9));

        var status = await _reader.ReadAsync("alice", default);

        status.State.ShouldBe(GmailState.NotConnected);
        status.IsConnected.ShouldBeFalse();
        status.Queued.ShouldBe(2);
        status.Failed.ShouldBe(1);
        status.Delivering.ShouldBe(0);
        status.OldestWaitingSince.ShouldBe(Now.AddHours(-5));
        status.OldestWaitingAge.ShouldBe(TimeSpan.FromHours(5));
        status.Progress.ShouldBeNull();
    }

    [Fact]
    public async Task Read_AfterARenewal_ShowsHowMuchOfWhatWaitedIsDelivered()
    {
        var first = await SeedAsync("alice", DeliveryStatus.Queued, Now.AddHours(-2));
        var second = await SeedAsync("alice", DeliveryStatus.Queued, Now.AddHours(-1));
        await _store.Gmail.AddGmailRenewalAsync(new GmailRenewal(0, "alice", Now, "alice@gmail.example", "gmail.insert", null, 2), default);
        await _store.Deliveries.MakeUserDeliveriesDueAsync("alice", Now, default);
        _time.Advance(TimeSpan.FromSeconds(5));
        await SeedAsync("alice", DeliveryStatus.Pending, Now); // new mail after the renewal is not part of it

        (await _reader.ReadAsync("alice", default)).Progress.ShouldBe(new RenewalProgress(Now.AddSeconds(-5), 2, 2));
        await DeliverAsync(first);
        var halfway = (await _reader.ReadAsync("alice", default)).Progress!;
        halfway.Done.ShouldBe(1);
        halfway.IsComplete.ShouldBeFalse();
        await DeliverAsync(second);
        var done = (await _reader.ReadAsync("alice", default)).Progress!;
        done.Done.ShouldBe(2);
        done.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public async Task Read_RenewalsNewestFirst()
    {
        await _store.Gmail.AddGmailRenewalAsync(new GmailRenewal(0, "alice", Now.AddDays(-7), "alice@gmail.example", "gmail.insert", Now, 0), default);
        await _store.Gmail.AddGmailRenewalAsync(new GmailRenewal(0, "alice", Now, "alice@gmail.example", "gmail.insert openid email", Now.AddDays(7), 0), default);
        await _store.Gmail.AddGmailRenewalAsync(new GmailRenewal(0, "bob", Now, "bob@gmail.example", "gmail.insert", null, 0), default);

        var renewals = (await _reader.ReadAsync("alice", default)).Renewals;

        renewals.Select(r => r.At).ShouldBe([Now, Now.AddDays(-7)]);
        renewals.ShouldAllBe(r => r.UserId == "alice");
        (await _reader.ReadAsync("alice", default)).Progress.ShouldBeNull("nothing waited at the last renewal");
    }

    private async Task<string> SeedAsync(string userId, DeliveryStatus status, DateTimeOffset at)
    {
        var id = $"m-{Guid.NewGuid():N}";
        var summary = new MessageSummary(null, null, "Test", null, null, 10, null);
        await _store.Messages.AddMessageAsync(new StoredMessage(id, 0, "test", at, id, [$"{userId}@example.com"], Verdicts.Unknown, summary, false),
            [new NewDelivery($"{userId}@example.com", userId, DeliveryTarget.Gmail, status, false, null)], at, default);
        return id;
    }

    private async Task DeliverAsync(string messageId)
    {
        var delivery = (await _store.Deliveries.ListDeliveriesOfMessageAsync(messageId, default)).Single();
        (await _store.Deliveries.ChangeDeliveryStatusAsync(delivery.Id, [DeliveryStatus.Pending], DeliveryStatus.Delivered, null, "test", Now, default)).ShouldBeTrue();
    }
}
