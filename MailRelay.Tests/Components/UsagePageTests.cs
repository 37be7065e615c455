using Bunit;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Outbound;
using MailRelay.Web.Components.Pages.Admin;

namespace MailRelay.Tests.Components;

public sealed class UsagePageTests : RelayComponentTest
{
    private static IReadOnlyList<string> Rows(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string grid) =>
        page.FindAll($"[data-testid={grid}] tbody tr").Where(r => r.QuerySelector("td[data-label]") is not null).Select(r => r.TextContent).ToList();

    [Fact]
    public async Task Usage_Today_ShowsReceivedPerUserByStatus()
    {
        await SeedMessageAsync("One", null, ("alice", DeliveryStatus.Delivered), ("bob", DeliveryStatus.Queued));
        await SeedMessageAsync("Two", null, ("alice", DeliveryStatus.Failed));
        SignInAs("admin", admin: true);

        var page = Render<Usage>();

        page.WaitForAssertion(() => Rows(page, "usage-inbound").Count.ShouldBe(2), TimeSpan.FromSeconds(5));
        var alice = page.FindAll("[data-testid=usage-inbound] tbody tr").First(r => r.TextContent.Contains("Alice"));
        alice.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Skip(2).ShouldBe(["2", "1", "0", "1"]);
    }

    [Fact]
    public async Task Usage_OutboundEvents_ShownPerCredential()
    {
        var now = DateTimeOffset.UtcNow;
        await Store.Usage.RecordOutboundEventAsync(new OutboundEvent("m1", OutboundEventType.Send, now, null, null, null, 1), "billing", default);
        await Store.Usage.RecordOutboundEventAsync(new OutboundEvent("m1", OutboundEventType.Bounce, now, null, null, null, 1), "billing", default);
        SignInAs("admin", admin: true);

        var page = Render<Usage>();

        page.WaitForAssertion(() => Rows(page, "usage-outbound").ShouldHaveSingleItem().ShouldContain("billing"));
    }

    [Fact]
    public void Usage_Nothing_ShowsEmptyTexts()
    {
        SignInAs("admin", admin: true);

        var page = Render<Usage>();

        page.WaitForAssertion(() => page.Find("[data-testid=usage-inbound]").TextContent.ShouldContain("No mail was received on these days."));
        page.Find("[data-testid=usage-outbound]").TextContent.ShouldContain("SES reported no sending on these days.");
    }

    [Fact]
    public async Task Usage_FirstDayAfterLastDay_SaysSoAndListsNothing()
    {
        await SeedMessageAsync("One", null, ("alice", DeliveryStatus.Delivered));
        SignInAs("admin", admin: true);
        var page = Render<Usage>();
        page.WaitForAssertion(() => Rows(page, "usage-inbound").ShouldHaveSingleItem());

        page.Find("input#usage-from").Change(DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd"));

        page.WaitForAssertion(() => page.Find("[data-testid=usage-problem]").TextContent.ShouldContain("on or before"));
        Rows(page, "usage-inbound").ShouldBeEmpty();
    }

    [Fact]
    public void Usage_CsvLink_CarriesTheRange()
    {
        SignInAs("admin", admin: true);

        var page = Render<Usage>();

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var first = DateTime.UtcNow.AddDays(-29).ToString("yyyy-MM-dd");
        page.Find("[data-testid=usage-csv]").GetAttribute("href").ShouldBe($"/api/admin/usage.csv?from={first}&to={today}");
    }
}
