using Bunit;
using MailRelay.Web.Auth;
using MailRelay.Web.Components.Layout;
using MudBlazor.Services;

namespace MailRelay.Tests.Components;

public sealed class NavMenuTests : BunitContext
{
    private static readonly string[] UserItems = ["Dashboard", "My Gmail", "My queue"];
    private static readonly string[] AdminItems = ["Users", "SMTP users", "Routes", "Queues", "DNS", "Audit", "Usage", "Outbox"];

    public NavMenuTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void NavMenu_User_ShowsOnlyUserItems()
    {
        this.AddAuthorization().SetAuthorized("alice");

        var items = ItemTexts(Render<NavMenu>());

        items.ShouldBe(UserItems);
    }

    [Fact]
    public void NavMenu_Admin_ShowsUserAndAdminItems()
    {
        var auth = this.AddAuthorization();
        auth.SetAuthorized("admin");
        auth.SetRoles(MailRelay.Core.Users.RoleNames.Admin);
        auth.SetPolicies(AuthSchemes.AdminPolicy);

        var items = ItemTexts(Render<NavMenu>());

        items.ShouldBe([.. UserItems, .. AdminItems]);
    }

    [Fact]
    public void NavMenu_Anonymous_ShowsNothing()
    {
        this.AddAuthorization();

        ItemTexts(Render<NavMenu>()).ShouldBeEmpty();
    }

    [Fact]
    public void NavMenu_Admin_LinksGoToTheirPages()
    {
        var auth = this.AddAuthorization();
        auth.SetAuthorized("admin");
        auth.SetPolicies(AuthSchemes.AdminPolicy);

        var menu = Render<NavMenu>();

        menu.Find("nav").GetAttribute("aria-label").ShouldBe("Sections");
        menu.FindAll("nav a[href]").Select(a => a.GetAttribute("href")).ShouldBe(
            ["/", "/my/gmail", "/my/queue", "/admin/users", "/admin/smtp-users", "/admin/routes", "/admin/queues", "/admin/dns", "/admin/audit", "/admin/usage", "/admin/outbox"]);
        menu.FindAll("[data-testid=admin-nav] a[href]").Select(a => a.GetAttribute("href")).ShouldAllBe(href => href!.StartsWith("/admin/"));
    }

    private static string[] ItemTexts(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a .mud-nav-link-text").Select(e => e.TextContent.Trim()).ToArray();
}
