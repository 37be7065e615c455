using Bunit;
using MailRelay.Core.Attention;
using MailRelay.Core.Common;
using MailRelay.Core.Domains;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Outbound;
using MailRelay.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Components;

/// <summary>The dashboard: admins see what needs them, card by card; users see their welcome and links.</summary>
public sealed class DashboardTests : RelayComponentTest
{
    public DashboardTests()
    {
        AnswerChartSizes();
        Services.AddSingleton<GmailStatusReader>();
        Services.AddSingleton<AdminAttention>();
    }

    [Fact]
    public void Dashboard_AdminAndNothingWrong_EveryCardAllClearWithItsLink()
    {
        SignInAs("admin", admin: true);

        var page = Render<Dashboard>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=attention] [data-state]").Count.ShouldBe(5));
        foreach (var (card, href) in Cards)
        {
            var element = page.Find($"[data-testid={card}]");
            element.GetAttribute("data-state").ShouldBe("clear", card);
            element.QuerySelector("[data-testid=attention-state]")!.TextContent.Trim().ShouldBe("All clear");
            element.QuerySelector($"a[href='{href}']").ShouldNotBeNull(card);
        }
        page.FindAll("h1").Count.ShouldBe(1);
        page.FindAll("[data-testid=welcome]").ShouldBeEmpty();
        page.Find("[data-testid=dashboard-queue-charts]");
    }

    [Fact]
    public async Task Dashboard_AdminWithTrouble_CardsSayWhatAndHowMuch()
    {
        await SeedMessageAsync("Waiting", null, ("alice", DeliveryStatus.Pending), ("bob", DeliveryStatus.Failed), (null, DeliveryStatus.Held));
        await Store.Gmail.SaveGmailConnectionAsync(new GmailConnection("bob", "bob@gmail.example", "protected", "gmail.insert", DateTimeOffset.UtcNow.AddDays(-2),
            DateTimeOffset.UtcNow.AddDays(5), GmailConnectionStatus.Revoked, 1, "revoked", DateTimeOffset.UtcNow), default);
        for (var i = 0; i < 20; i++)
            await Store.Usage.RecordOutboundEventAsync(new OutboundEvent($"m{i}", OutboundEventType.Send, DateTimeOffset.UtcNow, null, null, null, 1), "billing", default);
        await Store.Usage.RecordOutboundEventAsync(new OutboundEvent("m0", OutboundEventType.Bounce, DateTimeOffset.UtcNow, null, null, null, 1), "billing", default);
        await Store.Domains.AddDomainAsync(new MailDomain("example.com", "admin", DateTimeOffset.UtcNow), default);
        SignInAs("admin", admin: true);

        var page = Render<Dashboard>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=attention] [data-state=attention]").Count.ShouldBe(5));
        page.Find("[data-testid=attention-waiting] [data-testid=attention-count]").TextContent.ShouldBe("2");
        page.Find("[data-testid=attention-waiting]").TextContent.ShouldContain("1 held for an admin");
        page.Find("[data-testid=attention-waiting] time").ShouldNotBeNull();
        page.Find("[data-testid=attention-failed] [data-testid=attention-count]").TextContent.ShouldBe("1");
        page.Find("[data-testid=attention-gmail] li[data-user=bob]").TextContent.ShouldBe("Bob: revoked at Google");
        page.Find("[data-testid=attention-rates] li[data-credential=billing]").TextContent.ShouldContain("5% bounces");
        page.Find("[data-testid=attention-dns] li[data-domain='example.com']").TextContent.ShouldContain("not checked");
        page.Find("[data-testid=attention-failed] [data-testid=attention-state]").TextContent.Trim().ShouldBe("Needs attention");
    }

    [Fact]
    public async Task Dashboard_AdminOpen_DeliveryFailsMeanwhile_CardUpdatesWithoutReload()
    {
        SignInAs("admin", admin: true);
        var page = Render<Dashboard>();
        page.WaitForAssertion(() => page.Find("[data-testid=attention-failed]").GetAttribute("data-state").ShouldBe("clear"));

        var id = await SeedMessageAsync("Broken", null, ("alice", DeliveryStatus.Failed));
        Events.Publish(new RelayChange("delivery.changed", "alice", id));

        page.WaitForAssertion(() => page.Find("[data-testid=attention-failed]").GetAttribute("data-state").ShouldBe("attention"), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Dashboard_User_SeesTheWelcomeAndTheirLinksButNoRelayFigures()
    {
        SignInAs("alice");

        var page = Render<Dashboard>();

        page.Find("[data-testid=welcome]").TextContent.ShouldContain("Welcome, alice.");
        page.FindAll("a[href='/my/gmail']").ShouldNotBeEmpty();
        page.FindAll("a[href='/my/queue']").ShouldNotBeEmpty();
        page.FindAll("[data-testid=attention]").ShouldBeEmpty();
        page.FindAll("[data-testid=dashboard-queue-charts]").ShouldBeEmpty();
        page.FindAll("h1").Count.ShouldBe(1);
    }

    private static readonly (string Card, string Href)[] Cards =
    [
        ("attention-waiting", "/admin/queues"), ("attention-failed", "/admin/queues"), ("attention-gmail", "/admin/queues"),
        ("attention-rates", "/admin/smtp-users"), ("attention-dns", "/admin/dns"),
    ];
}
