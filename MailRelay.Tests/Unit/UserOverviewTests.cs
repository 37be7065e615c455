using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound;
using MailRelay.Core.Routing;
using MailRelay.Core.Smtp;
using MailRelay.Core.Users;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Unit;

/// <summary>The Users overview over the real SQLite stores: what it lists for each user, its search and its paging.</summary>
public sealed class UserOverviewTests : IAsyncLifetime
{
    private readonly TempSqliteStores _stores = new();
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private UserOverview _overview = null!;

    private StorePorts Store => _stores.Ports;

    private DateTimeOffset Now => _time.GetUtcNow();

    public async Task InitializeAsync()
    {
        await Store.Schema.InitializeAsync(default);
        await Store.Users.UpsertUserAsync("alice", "alice@example.com", "Alice", [], Now.AddHours(-2), default);
        await Store.Users.UpsertUserAsync("bob", "bob@example.com", "Bob", [RoleNames.Admin], Now.AddDays(-3), default);
        await Store.Users.UpsertUserAsync("carol", "carol@example.com", "Carol", [], Now.AddDays(-1), default);
        _overview = new UserOverview(Store.Users, Store.Routes, Store.SmtpUsers, Store.Gmail, Store.Deliveries, _time);
    }

    public Task DisposeAsync()
    {
        _stores.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task List_UserWithEverything_ShowsGmailAddressesSmtpLoginsWaitingAndLastSignIn()
    {
        await Store.Gmail.SaveGmailConnectionAsync(new GmailConnection("alice", "alice@gmail.example", "protected", "gmail.insert", Now.AddDays(-6),
            Now.AddHours(20), GmailConnectionStatus.Connected, 0, null, null), default);
        await Store.Routes.SaveRouteAsync(new MailRoute(0, "alice@relay.example", [new RouteAction(RouteActionKind.Gmail, "alice")], false, Now), default);
        await Store.Routes.SaveRouteAsync(new MailRoute(0, "*@shared.example",
            [new RouteAction(RouteActionKind.LocalMailbox, "alice"), new RouteAction(RouteActionKind.Gmail, "bob")], false, Now), default);
        await Store.SmtpUsers.CreateSmtpUserAsync(SmtpUser.New("s1", "Billing app", "alice", ["billing@relay.example"], "mailrelay-s1", Now), default);
        await SeedAsync("alice", DeliveryStatus.Queued);
        await SeedAsync("alice", DeliveryStatus.Pending);
        await SeedAsync("alice", DeliveryStatus.Delivered);

        var alice = (await _overview.ListAsync(new UserOverviewQuery(), default)).Items.Single(u => u.User.Id == "alice");

        alice.User.LastSignInAt.ShouldBe(Now.AddHours(-2));
        (alice.GmailState, alice.GmailAddress, alice.GmailExpiresAt).ShouldBe((GmailState.ExpiringSoon, "alice@gmail.example", Now.AddHours(20)));
        alice.Addresses.Select(a => (a.Pattern, a.Kind)).ShouldBe([("*@shared.example", RouteActionKind.LocalMailbox), ("alice@relay.example", RouteActionKind.Gmail)]);
        alice.SmtpLogins.ShouldHaveSingleItem().ShouldBe(new UserSummary.SmtpLogin("s1", "Billing app", SmtpUserStatus.Pending, null));
        alice.Waiting.ShouldBe(2);
    }

    [Fact]
    public async Task List_UserWithNothing_IsNotConnectedWithNoAddressesOrLogins()
    {
        var carol = (await _overview.ListAsync(new UserOverviewQuery(), default)).Items.Single(u => u.User.Id == "carol");

        (carol.GmailState, carol.GmailAddress, carol.GmailExpiresAt, carol.Waiting).ShouldBe((GmailState.NotConnected, null, null, 0));
        carol.Addresses.ShouldBeEmpty();
        carol.SmtpLogins.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("ALICE", "alice")]
    [InlineData("carol@example", "carol")]
    [InlineData("shared.example", "bob")]
    [InlineData("billing", "alice")]
    public async Task List_Search_MatchesNameEmailAddressOrSmtpLogin(string search, string expected)
    {
        await Store.Routes.SaveRouteAsync(new MailRoute(0, "*@shared.example", [new RouteAction(RouteActionKind.Gmail, "bob")], false, Now), default);
        await Store.SmtpUsers.CreateSmtpUserAsync(SmtpUser.New("s1", "Billing app", "alice", ["billing@relay.example"], "mailrelay-s1", Now), default);

        var page = await _overview.ListAsync(new UserOverviewQuery(search), default);

        page.Items.Select(u => u.User.Id).ShouldBe([expected]);
        page.Total.ShouldBe(1);
    }

    [Fact]
    public async Task List_SearchMatchingNobody_IsEmpty()
    {
        var page = await _overview.ListAsync(new UserOverviewQuery("nobody-at-all"), default);

        (page.Items.Count, page.Total).ShouldBe((0, 0));
    }

    [Fact]
    public async Task List_Paged_CoversEveryUserOnceInEmailOrder()
    {
        var first = await _overview.ListAsync(new UserOverviewQuery(Skip: 0, Take: 2), default);
        var second = await _overview.ListAsync(new UserOverviewQuery(Skip: 2, Take: 2), default);

        first.Items.Select(u => u.User.Id).ShouldBe(["alice", "bob"]);
        second.Items.Select(u => u.User.Id).ShouldBe(["carol"]);
        (first.Total, second.Total, second.Skip, second.Take).ShouldBe((3, 3, 2, 2));
    }

    private async Task SeedAsync(string userId, DeliveryStatus status)
    {
        var id = $"m-{Guid.NewGuid():N}";
        var summary = new MessageSummary("sender@example.net", $"{userId}@relay.example", "Hello", Now, $"<{id}@example.net>", 100, null);
        var message = new StoredMessage(id, 0, "test", Now, $"messages/{id}", [$"{userId}@relay.example"], Verdicts.Unknown, summary, false);
        (await Store.Messages.AddMessageAsync(message, [new NewDelivery($"{userId}@relay.example", userId, DeliveryTarget.Gmail, status, false, null)], Now, default))
            .ShouldBeTrue();
    }
}
