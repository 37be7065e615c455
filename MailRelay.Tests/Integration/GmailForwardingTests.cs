using System.Text;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound;
using MailRelay.Core.Storage;
using MailRelay.Tests.Fakes;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>
/// Inbound mail through the real jobs, store and Gmail adapter into the fake Google; every test
/// asserts what ends up in the fake Gmail and in the store.
/// </summary>
public sealed class GmailForwardingTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private FakeGoogle _google = null!;
    private RelayHost _host = null!;

    public async Task InitializeAsync()
    {
        _google = await FakeGoogle.StartAsync();
        _host = await StartHostAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _google.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task DroppedMessagesForTwoUsers_LandOnceInEachMailbox_InOrder_AndBlobsAreDeleted()
    {
        var alice = await ConnectAsync("alice");
        var bob = await ConnectAsync("bob");
        foreach (var n in new[] { 1, 2, 3 })
            await MessageFiles.DropAsync(_data.Path, $"m{n}.eml", MessageFiles.Raw("alice@example.com, bob@example.com", $"Message {n}"), ["alice@example.com", "bob@example.com"]);

        await RelayHost.EventuallyAsync(() => Task.FromResult(_google.Mailbox(alice).Count == 3 && _google.Mailbox(bob).Count == 3), "both mailboxes have 3 messages");
        await RelayHost.EventuallyAsync(async () => (await _host.Store.Messages.ListMessagesAsync(new(), new PageRequest(0, 10), default)).Items.All(i => i.Message.BlobDeleted), "every blob is deleted");

        foreach (var user in new[] { alice, bob })
        {
            Subjects(_google.Mailbox(user)).ShouldBe(["Message 1", "Message 2", "Message 3"]);
            _google.Mailbox(user).ShouldAllBe(m => m.LabelIds.Contains("INBOX") && m.LabelIds.Contains("UNREAD") && m.InternalDateSource == "receivedTime");
        }
        Directory.GetFiles(Path.Combine(_data.Path, "blobs"), "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task SameSesNotificationTwice_GivesOneDeliveryPerUser()
    {
        var alice = await ConnectAsync("alice");
        var bob = await ConnectAsync("bob");
        var raw = Encoding.UTF8.GetBytes(MessageFiles.Raw("team@example.com", "Once"));
        var intake = _host.Services.GetRequiredService<MessageIntake>();
        InboundItem Notification() => new("receipt-handle", "ses-abc123", "ses", ["alice@example.com", "bob@example.com"], Verdicts.Unknown,
            DateTimeOffset.UtcNow, null, _ => Task.FromResult<Stream>(new MemoryStream(raw)));

        (await intake.AcceptAsync(Notification(), default)).ShouldBe(IntakeResult.Accepted);
        (await intake.AcceptAsync(Notification(), default)).ShouldBe(IntakeResult.Duplicate);
        await _host.Services.GetRequiredService<IForwardingScheduler>().RunSoonAsync(default);

        await RelayHost.EventuallyAsync(() => Task.FromResult(_google.Mailbox(alice).Count == 1 && _google.Mailbox(bob).Count == 1), "each user has it");
        (await intake.AcceptAsync(Notification(), default)).ShouldBe(IntakeResult.Duplicate);
        await Task.Delay(700);
        _google.Mailbox(alice).Count.ShouldBe(1);
        _google.Mailbox(bob).Count.ShouldBe(1);
        (await _host.Store.Deliveries.ListDeliveriesOfMessageAsync("ses-abc123", default)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task InvalidGrant_QueuesWithoutRetrying_ThenRenewalDeliversTheQueueAtOnceInOrder()
    {
        var alice = await ConnectAsync("alice");
        _google.Revoke(alice.RefreshToken);
        foreach (var n in new[] { 1, 2, 3 })
            await MessageFiles.DropAsync(_data.Path, $"q{n}.eml", MessageFiles.Raw("alice@example.com", $"Queued {n}"), ["alice@example.com"]);

        await RelayHost.EventuallyAsync(async () => await DeliveryStatusesAsync("alice") is [DeliveryStatus.Queued, DeliveryStatus.Queued, DeliveryStatus.Queued], "all three are Queued");
        var connection = (await _host.Store.Gmail.FindGmailConnectionAsync("alice", default))!;
        connection.Status.ShouldBeOneOf(GmailConnectionStatus.Expired, GmailConnectionStatus.Revoked);
        connection.LastError.ShouldNotBeNull();
        await Task.Delay(1000); // several forwarding runs: none may retry a queued delivery
        _google.RefreshCount(alice).ShouldBe(1, "a permanent token error is not retried");
        _google.ImportRequests.ShouldBe(0);

        var renewed = _google.AddUser(alice.Email);
        await _host.Services.GetRequiredService<GmailConnections>().ConnectAsync("alice", alice.Email, renewed.RefreshToken, "gmail.insert", null, default);

        await RelayHost.EventuallyAsync(() => Task.FromResult(_google.Mailbox(alice).Count == 3), "the queue is delivered", TimeSpan.FromSeconds(5));
        Subjects(_google.Mailbox(alice)).ShouldBe(["Queued 1", "Queued 2", "Queued 3"]);
        await Task.Delay(700);
        _google.Mailbox(alice).Count.ShouldBe(3, "each message once");
    }

    [Fact]
    public async Task GmailFailsThreeTimesThenSucceeds_DeliveredOnce()
    {
        var alice = await ConnectAsync("alice");
        _google.Script(alice).ImportStatuses(500, 500, 500);
        await MessageFiles.DropAsync(_data.Path, "flaky.eml", MessageFiles.Raw("alice@example.com", "Flaky"), ["alice@example.com"]);

        await RelayHost.EventuallyAsync(() => Task.FromResult(_google.Mailbox(alice).Count == 1), "delivered");
        await Task.Delay(500);
        _google.Mailbox(alice).Count.ShouldBe(1);
        _google.ImportRequests.ShouldBe(4);
        (await DeliveryStatusesAsync("alice")).ShouldBe([DeliveryStatus.Delivered]);
    }

    [Fact]
    public async Task RateLimitedWithRetryAfter_WaitsAtLeastThatLong()
    {
        var alice = await ConnectAsync("alice");
        _google.Script(alice).ImportAnswers(FakeResponse.RateLimited(TimeSpan.FromSeconds(2)));
        await MessageFiles.DropAsync(_data.Path, "busy.eml", MessageFiles.Raw("alice@example.com", "Busy"), ["alice@example.com"]);

        await RelayHost.EventuallyAsync(() => Task.FromResult(_google.Mailbox(alice).Count == 1), "delivered after the wait");

        // From the fake's own clock of the refused request (the refusal came after it): a time the test
        // took by polling would lag it, by more under load, and let a too-early retry pass.
        (_google.Mailbox(alice).Single().ReceivedAt - _google.ImportRequestTimes[0]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        _google.ImportRequests.ShouldBe(2);
    }

    [Fact]
    public async Task GmailRefusesTheMessage_FailedWithTheReason_AndTheMessageIsKept()
    {
        var alice = await ConnectAsync("alice");
        _google.Script(alice).ImportAnswers(FakeResponse.GmailError(400, "Invalid To header"));
        var raw = MessageFiles.Raw("alice@example.com", "Refused");
        await MessageFiles.DropAsync(_data.Path, "bad.eml", raw, ["alice@example.com"]);

        await RelayHost.EventuallyAsync(async () => await DeliveryStatusesAsync("alice") is [DeliveryStatus.Failed], "the delivery failed");
        var item = (await _host.Store.Messages.ListMessagesAsync(new(UserId: "alice"), new PageRequest(0, 10), default)).Items.Single();
        item.Deliveries.Single().LastError!.ShouldContain("Invalid To header");
        item.Deliveries.Single().Attempts.ShouldBe(1, "a refused message is not retried by itself");
        item.Message.BlobDeleted.ShouldBeFalse();
        await using var kept = await _host.Services.GetRequiredService<IBlobStore>().OpenReadAsync(item.Message.BlobKey, default);
        (await new StreamReader(kept).ReadToEndAsync()).ShouldBe(raw);
        _google.Mailbox(alice).ShouldBeEmpty();
    }

    [Fact]
    public async Task HostStoppedMidBatch_NewHostOverSameData_LosesNothing_ReimportsAtMostInFlight()
    {
        var alice = await ConnectAsync("alice");
        _google.Script().WithImportLatency(TimeSpan.FromMilliseconds(150));
        const int count = 20;
        for (var n = 1; n <= count; n++)
            await MessageFiles.DropAsync(_data.Path, $"c{n:00}.eml", MessageFiles.Raw("alice@example.com", $"Crash {n:00}"), ["alice@example.com"]);
        await RelayHost.EventuallyAsync(() => Task.FromResult(_google.Mailbox(alice).Count >= 4), "a few are delivered");

        await _host.DisposeAsync(); // mid-batch: the rest of the lane is leased, one import may be in flight
        var beforeRestart = _google.Mailbox(alice).Count;
        beforeRestart.ShouldBeLessThan(count);
        _host = await StartHostAsync();

        try
        {
            await RelayHost.EventuallyAsync(async () => (await DeliveryStatusesAsync("alice")).All(s => s == DeliveryStatus.Delivered) && (await DeliveryStatusesAsync("alice")).Count == count,
                "every delivery is Delivered", TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException e)
        {
            var state = (await _host.Store.Messages.ListMessagesAsync(new(UserId: "alice"), new PageRequest(0, 100), default)).Items.SelectMany(i => i.Deliveries)
                .Select(d => $"{d.Id}:{d.Status}:{d.Attempts}:{d.NextAttemptAt:HH:mm:ss.fff}:{d.LastError}");
            var connection = await _host.Store.Gmail.FindGmailConnectionAsync("alice", default);
            throw new TimeoutException($"{e.Message} Now {DateTimeOffset.UtcNow:HH:mm:ss.fff}; connection {connection?.Status} {connection?.LastError}; deliveries: {string.Join(" | ", state)}");
        }
        var subjects = Subjects(_google.Mailbox(alice));
        subjects.Distinct().Count().ShouldBe(count, "nothing is lost");
        (subjects.Count - count).ShouldBeLessThanOrEqualTo(1, "only the in-flight import may be repeated");
        subjects.Distinct().ShouldBe(Enumerable.Range(1, count).Select(n => $"Crash {n:00}"), "received order is kept");
    }

    private Task<RelayHost> StartHostAsync()
    {
        var settings = _google.CreateSettings();
        settings["MailboxDelivery:Provider"] = "Gmail";
        settings["Forwarding:LeaseDuration"] = "00:00:01";
        return RelayHost.StartAsync(_data.Path, settings);
    }

    private async Task<FakeGoogleUser> ConnectAsync(string userId)
    {
        var account = _google.AddUser($"{userId}@gmail.example");
        await _host.RouteAsync($"{userId}@example.com", userId);
        await _host.Services.GetRequiredService<GmailConnections>().ConnectAsync(userId, account.Email, account.RefreshToken, "gmail.insert", null, default);
        return account;
    }

    private async Task<List<DeliveryStatus>> DeliveryStatusesAsync(string userId) =>
        (await _host.Store.Messages.ListMessagesAsync(new(UserId: userId), new PageRequest(0, 100), default)).Items
            .OrderBy(i => i.Message.Sequence).SelectMany(i => i.Deliveries.Where(d => d.UserId == userId)).Select(d => d.Status).ToList();

    private static List<string> Subjects(IEnumerable<FakeGmailMessage> messages) =>
        messages.Select(m => Encoding.UTF8.GetString(m.Raw).Split("\r\n").First(l => l.StartsWith("Subject: ", StringComparison.Ordinal))["Subject: ".Length..]).ToList();
}
