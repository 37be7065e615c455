using MailRelay.Core.Attention;
using MailRelay.Core.Domains;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound;
using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Core.Outbound;
using MailRelay.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Unit;

/// <summary>What the admin dashboard is told needs attention, read from the real SQLite stores on a fake clock.</summary>
public sealed class AdminAttentionTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private StorePorts _store = null!;
    private AdminAttention _attention = null!;

    private DateTimeOffset Now => _time.GetUtcNow();

    public async Task InitializeAsync()
    {
        _store = StorePorts.Sqlite(new SqliteDatabase(Path.Combine(_data.Path, "mailrelay.db")));
        await _store.Schema.InitializeAsync(default);
        foreach (var user in new[] { "alice", "bob", "carol", "dave" })
            await _store.Users.EnsureUserAsync(user, $"{user}@localhost", char.ToUpperInvariant(user[0]) + user[1..], [], Now, default);
        _attention = new AdminAttention(_store.Deliveries, _store.Users, _store.Gmail, new SendingRates(new UsageReport(_store.Usage, _time), _time),
            _store.Domains, _time);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Read_NothingWrong_IsAllClear()
    {
        await SeedMessageAsync(Now.AddHours(-1), ("alice", DeliveryStatus.Delivered));
        await ConnectAsync("alice", GmailConnectionStatus.Connected, Now.AddDays(6));
        await SendAsync("billing", sends: 100, bounces: 3, complaints: 0);
        await _store.Domains.AddDomainAsync(new MailDomain("example.com", "admin", Now), default);
        await _store.Domains.SaveCheckReportAsync(new DomainCheckReport("example.com", Now, [Check(DnsCheckStatus.Ok)]), default);

        var report = await _attention.ReadAsync(default);

        report.Deliveries.ShouldBe(new DeliveryAttention(0, 0, 0, null));
        report.Gmail.ShouldBeEmpty();
        report.SendingRates.ShouldBeEmpty();
        report.Dns.ShouldBeEmpty();
        report.At.ShouldBe(Now);
    }

    [Fact]
    public async Task Read_WaitingAndFailedDeliveries_CountedAcrossUsersWithTheOldest()
    {
        await SeedMessageAsync(Now.AddHours(-3), ("alice", DeliveryStatus.Pending), ("bob", DeliveryStatus.Failed));
        await SeedMessageAsync(Now.AddHours(-1), ("bob", DeliveryStatus.Queued), (null, DeliveryStatus.Held));
        await SeedMessageAsync(Now.AddMinutes(-5), ("alice", DeliveryStatus.Retrying), ("bob", DeliveryStatus.Delivered));

        var deliveries = (await _attention.ReadAsync(default)).Deliveries;

        (deliveries.Waiting, deliveries.Held, deliveries.Failed).ShouldBe((4, 1, 1));
        deliveries.OldestWaitingSince.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(Now.AddHours(-3).AddSeconds(1));
    }

    [Fact]
    public async Task Read_GmailConnections_ListsLostAndExpiringWithinADayOnly()
    {
        await ConnectAsync("alice", GmailConnectionStatus.Connected, Now.AddHours(23));
        await ConnectAsync("bob", GmailConnectionStatus.Revoked, Now.AddDays(30));
        await ConnectAsync("carol", GmailConnectionStatus.Connected, Now.AddHours(25));
        await ConnectAsync("dave", GmailConnectionStatus.Disabled, null);

        var gmail = (await _attention.ReadAsync(default)).Gmail;

        gmail.Select(g => (g.UserId, g.State)).ShouldBe([("alice", GmailState.ExpiringSoon), ("bob", GmailState.Revoked), ("dave", GmailState.Disabled)],
            ignoreOrder: true);
        gmail.Single(g => g.UserId == "alice").DisplayName.ShouldBe("Alice");
    }

    [Fact]
    public async Task Read_SendingRates_ListsCredentialsAtFourFifthsOfSesReviewRates()
    {
        await SendAsync("healthy", sends: 100, bounces: 3, complaints: 0);
        await SendAsync("bouncy", sends: 100, bounces: 4, complaints: 0);
        await SendAsync("complained", sends: 1250, bounces: 0, complaints: 1);

        var rates = (await _attention.ReadAsync(default)).SendingRates;

        rates.Select(r => r.SmtpUserId).ShouldBe(["bouncy", "complained"]);
    }

    [Fact]
    public async Task Read_DnsRecords_ListsDomainsNotOkOrNotCheckedYet()
    {
        foreach (var name in new[] { "fine.example", "broken.example", "new.example" })
            await _store.Domains.AddDomainAsync(new MailDomain(name, "admin", Now), default);
        await _store.Domains.SaveCheckReportAsync(new DomainCheckReport("fine.example", Now, [Check(DnsCheckStatus.Ok), Check(DnsCheckStatus.Ok)]), default);
        await _store.Domains.SaveCheckReportAsync(new DomainCheckReport("broken.example", Now, [Check(DnsCheckStatus.Ok), Check(DnsCheckStatus.Missing), Check(DnsCheckStatus.Warning)]), default);

        var dns = (await _attention.ReadAsync(default)).Dns;

        dns.ShouldBe([new DnsAttentionItem("broken.example", true, 2), new DnsAttentionItem("new.example", false, 0)], ignoreOrder: true);
    }

    [Theory]
    [InlineData(100, 3, 0, false)]
    [InlineData(100, 4, 0, true)]
    [InlineData(10_000, 0, 7, false)]
    [InlineData(10_000, 0, 8, true)]
    [InlineData(0, 0, 0, false)]
    public void NearReview_WarnsAtFourFifthsOfTheReviewRates(int sends, int bounces, int complaints, bool expected) =>
        SendingRateThresholds.NearReview(new OutboundRates("s1", sends, 0, bounces, complaints)).ShouldBe(expected);

    private static RecordCheck Check(DnsCheckStatus status) =>
        new(new ExpectedRecord("example.com", RecordPurpose.Spf, "example.com", "TXT", "v=spf1", null, "why"), status, [], null);

    private Task ConnectAsync(string userId, GmailConnectionStatus status, DateTimeOffset? expiresAt) =>
        _store.Gmail.SaveGmailConnectionAsync(new GmailConnection(userId, $"{userId}@gmail.example", "protected", "gmail.insert", Now.AddDays(-1),
            expiresAt, status, 0, null, null), default);

    private async Task SendAsync(string smtpUserId, int sends, int bounces, int complaints)
    {
        for (var i = 0; i < sends; i++)
            await _store.Usage.RecordOutboundEventAsync(new OutboundEvent($"{smtpUserId}-{i}", OutboundEventType.Send, Now.AddHours(-1), null, null, null, 1), smtpUserId, default);
        for (var i = 0; i < bounces; i++)
            await _store.Usage.RecordOutboundEventAsync(new OutboundEvent($"{smtpUserId}-{i}", OutboundEventType.Bounce, Now.AddHours(-1), null, null, null, 1), smtpUserId, default);
        for (var i = 0; i < complaints; i++)
            await _store.Usage.RecordOutboundEventAsync(new OutboundEvent($"{smtpUserId}-{i}", OutboundEventType.Complaint, Now.AddHours(-1), null, null, null, 1), smtpUserId, default);
    }

    private async Task SeedMessageAsync(DateTimeOffset receivedAt, params (string? UserId, DeliveryStatus Status)[] deliveries)
    {
        var id = $"test-{Guid.NewGuid():N}";
        var recipients = deliveries.Select(d => $"{d.UserId ?? "nobody"}@example.com").ToList();
        var summary = new MessageSummary("s@example.net", string.Join(", ", recipients), "Subject", receivedAt, $"<{id}@example.net>", 100, null);
        var message = new StoredMessage(id, 0, "test", receivedAt, $"messages/{id}", recipients, Verdicts.Unknown, summary, false);
        var planned = deliveries.Select(d => new NewDelivery($"{d.UserId ?? "nobody"}@example.com", d.UserId,
            d.UserId is null ? DeliveryTarget.None : DeliveryTarget.Gmail, d.Status, false, null)).ToList();
        (await _store.Messages.AddMessageAsync(message, planned, receivedAt, default)).ShouldBeTrue();
    }
}
