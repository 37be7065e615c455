using Bunit;
using MailRelay.Core.Common;
using MailRelay.Core.Routing;
using MailRelay.Tests.Support;
using MailRelay.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Components;

public sealed class RoutesAdminTests : RelayComponentTest
{
    [Fact]
    public void RoutesAdmin_NoRoutes_ShowsEmptyState()
    {
        SignInAs("admin", admin: true);

        var page = Render<RoutesAdmin>();

        page.WaitForElement("[data-testid=empty-state]").TextContent.ShouldContain("No routes yet");
    }

    [Fact]
    public void RoutesAdmin_InvalidPattern_ShowsRouteAdminsSentenceNextToTheLabelledField()
    {
        SignInAs("admin", admin: true);
        var page = Render<RoutesAdmin>();
        page.WaitForElement("[data-testid=route-add]").Click();

        page.Find("input[name=route-pattern]").Change("not a pattern");
        page.Find("[data-testid=route-form] form").Submit();

        page.WaitForAssertion(() => page.Find("#route-error").TextContent.ShouldContain("'not a pattern' is not an address, *@domain or *."));
        var input = page.Find("input[name=route-pattern]");
        input.GetAttribute("aria-describedby")!.Split(' ').ShouldBe(["route-pattern-help", "route-error"]);
        input.GetAttribute("aria-invalid").ShouldBe("true");
        page.Find($"label[for='{input.Id}']").TextContent.ShouldBe("Recipient pattern");
        page.Find("#route-pattern-help").TextContent.ShouldContain("the exact address, the address without");
    }

    [Fact]
    public async Task RoutesAdmin_ExistingRoute_IsListedWithItsActionsInWords()
    {
        await Store.Routes.SaveRouteAsync(new MailRoute(0, "alice@example.com", [new RouteAction(RouteActionKind.Gmail, "alice"), new RouteAction(RouteActionKind.LocalMailbox, "bob")],
            true, DateTimeOffset.UtcNow), default);
        SignInAs("admin", admin: true);

        var page = Render<RoutesAdmin>();

        var row = page.WaitForElement("[data-testid=routes-grid] tbody tr");
        row.TextContent.ShouldContain("alice@example.com");
        row.TextContent.ShouldContain("Gmail of Alice, Local mailbox of Bob");
        row.TextContent.ShouldContain("Yes");
    }

    [Fact]
    public async Task RoutesAdmin_Delete_AsksFirst_KeepsOnCancelAndDeletesOnConfirm()
    {
        await Store.Routes.SaveRouteAsync(new MailRoute(0, "alice@example.com", [new RouteAction(RouteActionKind.Gmail, "alice")], false, DateTimeOffset.UtcNow), default);
        SignInAs("admin", admin: true);
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var page = Render<RoutesAdmin>();
        var delete = () => page.Find("button[aria-label='Delete the route for alice@example.com']");
        page.WaitForAssertion(() => delete().ShouldNotBeNull());

        delete().Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Delete the route for alice@example.com?"));
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Keep it")).Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").ShouldBeEmpty());
        (await Store.Routes.ListRoutesAsync(default)).ShouldHaveSingleItem();

        delete().Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").ShouldContain(b => b.TextContent.Trim() == "Delete"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForElement("[data-testid=empty-state]");
        (await Store.Routes.ListRoutesAsync(default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SaveAsync_PatternAnotherRouteHas_IsTheStoresRefusalAsAConflict_NotAnException()
    {
        var routes = Services.GetRequiredService<RouteAdmin>();
        var drop = new[] { new RouteAction(RouteActionKind.Drop, null) };
        var first = (await routes.SaveAsync("admin", 0, "noreply@example.com", drop, false, default)).ShouldSucceed();
        var other = (await routes.SaveAsync("admin", 0, "other@example.com", drop, false, default)).ShouldSucceed();

        (await routes.SaveAsync("admin", 0, "NoReply@Example.com", drop, false, default)).ShouldFail()
            .ShouldBe(Failure.Conflict("A route for 'noreply@example.com' already exists."));
        (await routes.SaveAsync("admin", other.Id, "noreply@example.com", drop, true, default)).ShouldFail().Kind.ShouldBe(FailureKind.Conflict);
        (await routes.SaveAsync("admin", first.Id, "noreply@example.com", drop, true, default)).ShouldSucceed().HoldSpam.ShouldBeTrue();
    }
}
