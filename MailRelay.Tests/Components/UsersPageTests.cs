using Bunit;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Routing;
using MailRelay.Core.Smtp;
using MailRelay.Core.Smtp.Adapters;
using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Core.Users;
using MailRelay.Web.Auth;
using MailRelay.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Components;

/// <summary>The admin Users page over the real stores: what it lists, its search, and the actions on one user.</summary>
public sealed class UsersPageTests : RelayComponentTest
{
    public UsersPageTests()
    {
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new SmtpIdentityOptions { Region = "eu-west-1", SendingDomains = ["example.com"] }));
        Services.AddSingleton<ISmtpIdentityProvisioner, LocalSmtpIdentityProvisioner>();
        Services.AddSingleton<ISecretProtector>(new DataProtectionSecretProtector(new EphemeralDataProtectionProvider()));
        Services.AddSingleton<SmtpProvisioning>();
        Services.AddSingleton<UserOverview>();
    }

    [Fact]
    public void Users_Page_IsForAdminsOnly() =>
        typeof(Users).GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).Cast<AuthorizeAttribute>()
            .ShouldContain(a => a.Policy == AuthSchemes.AdminPolicy);

    [Fact]
    public async Task Users_ListsEachUserWithTheirAddressesGmailAndSmtpCredentials()
    {
        SignInAs("admin", admin: true);
        await Store.Routes.SaveRouteAsync(new MailRoute(0, "alice@example.com", [new RouteAction(RouteActionKind.Gmail, "alice")], false, DateTimeOffset.UtcNow), default);
        await Store.Gmail.SaveGmailConnectionAsync(new GmailConnection("alice", "alice@gmail.example", "protected", "gmail.insert", DateTimeOffset.UtcNow,
            DateTimeOffset.UtcNow.AddDays(6), GmailConnectionStatus.Connected, 0, null, null), default);
        await Store.SmtpUsers.CreateSmtpUserAsync(SmtpUser.New("s1", "Billing app", "alice", ["billing@example.com"], "mailrelay-s1", DateTimeOffset.UtcNow), default);

        var page = Render<Users>();

        page.WaitForAssertion(() => page.FindAll("tr.user-row").Count.ShouldBe(3));
        var alice = Row(page, "alice");
        alice.QuerySelector("[data-testid=user-gmail]")!.GetAttribute("data-state").ShouldBe("Connected");
        alice.QuerySelector("[data-testid=user-gmail]")!.TextContent.ShouldContain("alice@gmail.example");
        alice.QuerySelector("[data-testid=user-addresses]")!.TextContent.ShouldContain("alice@example.com");
        alice.QuerySelector("[data-testid=user-smtp]")!.TextContent.ShouldContain("Billing app");
        alice.QuerySelector("[data-testid=user-last-sign-in] time").ShouldNotBeNull();
        var bob = Row(page, "bob");
        bob.QuerySelector("[data-testid=user-gmail]")!.GetAttribute("data-state").ShouldBe("NotConnected");
        bob.QuerySelector("[data-testid=user-addresses]")!.TextContent.Trim().ShouldBe("None");
        page.FindAll("[data-testid=empty-state]").ShouldBeEmpty();
    }

    [Fact]
    public void Users_Search_NarrowsTheListAndSaysWhenNobodyMatches()
    {
        SignInAs("admin", admin: true);
        var page = Render<Users>();
        page.WaitForAssertion(() => page.FindAll("tr.user-row").Count.ShouldBe(3));

        page.Find("input[name=users-filter-text]").Input("bob@");

        page.WaitForAssertion(() => page.FindAll("tr.user-row").Select(r => r.QuerySelector("[data-user-id]")!.GetAttribute("data-user-id")).ShouldBe(["bob"]),
            TimeSpan.FromSeconds(5));
        page.Find("input[name=users-filter-text]").Input("nobody-at-all");
        page.WaitForAssertion(() => page.Find("[data-testid=empty-state]").TextContent.ShouldContain("No user matches"), TimeSpan.FromSeconds(5));
        page.FindAll("tr.user-row").ShouldBeEmpty();
    }

    [Fact]
    public async Task Users_DeliverNow_MakesThatUsersWaitingMailDueAndAudits()
    {
        SignInAs("admin", admin: true);
        var hers = await SeedMessageAsync("Alice waits", null, ("alice", DeliveryStatus.Queued));
        var his = await SeedMessageAsync("Bob waits", null, ("bob", DeliveryStatus.Queued));
        var page = Render<Users>();
        page.WaitForAssertion(() => Row(page, "alice").QuerySelector("[data-testid=user-waiting]")!.TextContent.Trim().ShouldBe("1"));

        Row(page, "alice").QuerySelector("[data-testid=user-deliver-now]")!.Click();

        page.WaitForAssertion(() => Forwarding.Calls.ShouldBe(1));
        (await Store.Deliveries.ListDeliveriesOfMessageAsync(hers, default)).ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Pending);
        (await Store.Deliveries.ListDeliveriesOfMessageAsync(his, default)).ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Queued);
        var audit = await Services.GetRequiredService<AuditLog>().ListAsync(new PageRequest(0, 50), default);
        audit.Items.ShouldContain(e => e.Action == AuditActions.QueueDeliverNow && e.Target == "alice" && e.ActorId == "admin");
    }

    [Fact]
    public async Task Users_AddRoute_RoutesTheAddressToThatUsersGmail()
    {
        SignInAs("admin", admin: true);
        var page = Render<Users>();
        page.WaitForAssertion(() => page.FindAll("tr.user-row").Count.ShouldBe(3));

        Row(page, "bob").QuerySelector("[data-testid=user-add-route]")!.Click();
        page.Find("input[name=route-pattern]").Change("bob@example.com");
        page.Find("[data-testid=route-form] form").Submit();

        page.WaitForAssertion(() => page.FindAll("[data-testid=route-form]").ShouldBeEmpty());
        var route = (await Store.Routes.ListRoutesAsync(default)).ShouldHaveSingleItem();
        (route.Pattern, route.Actions.Single()).ShouldBe(("bob@example.com", new RouteAction(RouteActionKind.Gmail, "bob")));
        page.WaitForAssertion(() => Row(page, "bob").QuerySelector("[data-testid=user-addresses]")!.TextContent.ShouldContain("bob@example.com"));
    }

    [Fact]
    public async Task Users_IssueSmtpCredentials_CreatesAnSmtpUserOwnedByThatUser()
    {
        SignInAs("admin", admin: true);
        var page = Render<Users>();
        page.WaitForAssertion(() => page.FindAll("tr.user-row").Count.ShouldBe(3));

        Row(page, "alice").QuerySelector("[data-testid=user-issue-smtp]")!.Click();
        page.Find("input[name=smtp-user-name]").Change("Alice's laptop");
        page.Find("textarea[name=smtp-user-from]").Change("alice@example.com");
        page.Find("[data-testid=smtp-user-form] form").Submit();

        page.WaitForAssertion(() => page.FindAll("[data-testid=smtp-user-form]").ShouldBeEmpty());
        var created = (await Store.SmtpUsers.ListSmtpUsersAsync(new SmtpUserQuery(), default)).Items.ShouldHaveSingleItem();
        (created.Name, created.OwnerUserId, created.Status).ShouldBe(("Alice's laptop", "alice", SmtpUserStatus.Pending));
        page.WaitForAssertion(() => Row(page, "alice").QuerySelector("[data-testid=user-smtp]")!.TextContent.ShouldContain("Alice's laptop"));
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<Users> page, string userId) =>
        page.Find($"[data-user-id='{userId}']").Closest("tr")!;
}
