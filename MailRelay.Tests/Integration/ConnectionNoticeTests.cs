using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Notifications;
using MailRelay.Core.Notifications.Adapters;
using MailRelay.Tests.Fakes;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Integration;

/// <summary>
/// Every email of the escalation and expiry policy, produced by the real engine at the right attempt
/// or time, read back from the pickup folder (the Outbox) with its reconnect link.
/// </summary>
public sealed class ConnectionNoticeTests : IAsyncLifetime
{
    private const string ReconnectLink = "http://localhost:5080/my/gmail";
    private readonly TempDirectory _data = new();
    private FakeGoogle _google = null!;
    private RelayHost _host = null!;
    private FakeTimeProvider? _clock;

    public async Task InitializeAsync() => _google = await FakeGoogle.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await _google.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task FailedRefreshes_FirstOnlyLogs_SecondSaysHavingTrouble_ThirdDisablesAndSaysConnectionLost()
    {
        await StartAsync();
        var alice = await ConnectAsync("alice", expiresAt: null);
        _google.Script(alice.RefreshToken).TokenStatuses(Enumerable.Repeat(500, 40).ToArray());
        await MessageFiles.DropAsync(_data.Path, "m.eml", MessageFiles.Raw("alice@example.com", "Waiting"), ["alice@example.com"]);

        await RelayHost.EventuallyAsync(async () => (await _host.Store.Gmail.FindGmailConnectionAsync("alice", default))!.Status == GmailConnectionStatus.Disabled,
            "the connection is disabled after three failed attempts", TimeSpan.FromSeconds(30));
        await Task.Delay(1500); // more runs: a disabled connection is not tried, and nothing more is sent

        var connection = (await _host.Store.Gmail.FindGmailConnectionAsync("alice", default))!;
        connection.FailureCount.ShouldBe(3);
        connection.LastError.ShouldNotBeNull();
        (await Emails()).Select(e => e.Entry.Summary.Subject).ShouldBe([
            "MailRelay is having trouble reaching alice@gmail.example",
            "Gmail connection lost: mail for alice@gmail.example is waiting"]);
        (await DeliveryStatuses("alice")).ShouldBe([DeliveryStatus.Queued]);
        _google.Mailbox(alice).ShouldBeEmpty();
        await AssertEveryEmailHasTheReconnectLinkAsync();
    }

    [Fact]
    public async Task RevokedToken_SendsPleaseReconnectAtOnce_AndOnlyOnce()
    {
        await StartAsync();
        var bob = await ConnectAsync("bob", expiresAt: null);
        _google.Revoke(bob.RefreshToken);
        await MessageFiles.DropAsync(_data.Path, "a.eml", MessageFiles.Raw("bob@example.com", "First"), ["bob@example.com"]);
        await RelayHost.EventuallyAsync(async () => (await Emails()).Count == 1, "the email is sent");
        await MessageFiles.DropAsync(_data.Path, "b.eml", MessageFiles.Raw("bob@example.com", "Second"), ["bob@example.com"]);
        await RelayHost.EventuallyAsync(async () => (await DeliveryStatuses("bob")).Count == 2 && (await DeliveryStatuses("bob")).All(s => s == DeliveryStatus.Queued), "both are queued");

        (await Emails()).ShouldHaveSingleItem().Entry.Summary.Subject.ShouldBe("Please reconnect your Gmail account bob@gmail.example");
        (await _host.Store.Gmail.FindGmailConnectionAsync("bob", default))!.Status.ShouldBe(GmailConnectionStatus.Revoked);
        await AssertEveryEmailHasTheReconnectLinkAsync();
    }

    [Fact]
    public async Task ExpiringToken_WarnedOnceWithin24Hours_ThenToldAtOnceWhenItExpires()
    {
        _clock = new FakeTimeProvider(TestClock.Start);
        await StartAsync();
        var expiry = _clock.GetUtcNow().AddDays(7);
        await ConnectAsync("alice", expiry);
        var alerts = _host.Services.GetRequiredService<ExpiryAlerts>();

        (await alerts.RunAsync(default)).ShouldBe(0, "a week ahead: nothing to say");
        _clock.SetUtcNow(expiry.AddHours(-25));
        (await alerts.RunAsync(default)).ShouldBe(0, "25 hours ahead: not yet");
        _clock.SetUtcNow(expiry.AddHours(-23));
        (await alerts.RunAsync(default)).ShouldBe(1);
        _clock.Advance(TimeSpan.FromHours(1));
        (await alerts.RunAsync(default)).ShouldBe(0, "once per token");
        (await Emails()).ShouldHaveSingleItem().Entry.Summary.Subject.ShouldBe("Your Gmail connection for alice@gmail.example expires tomorrow");

        _clock.SetUtcNow(expiry.AddMinutes(1));
        (await alerts.RunAsync(default)).ShouldBe(1);
        (await alerts.RunAsync(default)).ShouldBe(0, "an expired connection is told once");
        (await _host.Store.Gmail.FindGmailConnectionAsync("alice", default))!.Status.ShouldBe(GmailConnectionStatus.Expired);
        (await Emails()).Select(e => e.Entry.Summary.Subject).ShouldBe([
            "Your Gmail connection for alice@gmail.example expires tomorrow",
            "Please reconnect your Gmail account alice@gmail.example"]);
        await AssertEveryEmailHasTheReconnectLinkAsync();
    }

    [Fact]
    public async Task RenewedToken_IsNotWarnedForTheOldExpiry_ButForItsOwn()
    {
        _clock = new FakeTimeProvider(TestClock.Start);
        await StartAsync();
        var firstExpiry = _clock.GetUtcNow().AddDays(7);
        await ConnectAsync("alice", firstExpiry);
        var alerts = _host.Services.GetRequiredService<ExpiryAlerts>();
        _clock.SetUtcNow(firstExpiry.AddHours(-30));

        var renewedExpiry = _clock.GetUtcNow().AddDays(7);
        await ConnectAsync("alice", renewedExpiry); // the renewal replaces the token before the warning was due
        _clock.SetUtcNow(firstExpiry.AddHours(-23));
        (await alerts.RunAsync(default)).ShouldBe(0, "the renewed token expires in about 6 days");
        _clock.SetUtcNow(renewedExpiry.AddHours(-23));
        (await alerts.RunAsync(default)).ShouldBe(1);
        (await Emails()).ShouldHaveSingleItem();
    }

    private async Task StartAsync()
    {
        var settings = _google.CreateSettings();
        settings["MailboxDelivery:Provider"] = "Gmail";
        _host = await RelayHost.StartAsync(_data.Path, settings, services =>
        {
            if (_clock is not null) services.AddSingleton<TimeProvider>(_clock);
        });
    }

    private async Task<FakeGoogleUser> ConnectAsync(string userId, DateTimeOffset? expiresAt)
    {
        var account = _google.AddUser($"{userId}@gmail.example");
        if ((await _host.Store.Routes.ListRoutesAsync(default)).All(r => r.Pattern != $"{userId}@example.com")) await _host.RouteAsync($"{userId}@example.com", userId);
        await _host.Services.GetRequiredService<GmailConnections>().ConnectAsync(userId, account.Email, account.RefreshToken, "gmail.insert", expiresAt, default);
        return account;
    }

    private async Task<List<OutboxEmail>> Emails()
    {
        var outbox = _host.Services.GetRequiredService<OutboxFolder>();
        var entries = (await outbox.ListAsync(0, 100, default)).Items.OrderBy(e => e.WrittenAt).ThenBy(e => e.FileName);
        var emails = new List<OutboxEmail>();
        foreach (var entry in entries) emails.Add((await outbox.ReadAsync(entry.FileName, default))!);
        return emails;
    }

    private async Task AssertEveryEmailHasTheReconnectLinkAsync()
    {
        foreach (var email in await Emails())
        {
            email.HtmlBody!.ShouldContain($"href=\"{ReconnectLink}\"");
            email.TextBody!.ShouldContain(ReconnectLink);
        }
    }

    private async Task<List<DeliveryStatus>> DeliveryStatuses(string userId) =>
        (await _host.Store.Messages.ListMessagesAsync(new(UserId: userId), new PageRequest(0, 100), default)).Items.SelectMany(i => i.Deliveries).Select(d => d.Status).ToList();
}
