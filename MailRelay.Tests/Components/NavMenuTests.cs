using Bunit;
using MailRelay.Web.Auth;
using MailRelay.Web.Components.Layout;
using Radzen;

namespace MailRelay.Tests.Components;

public sealed class NavMenuTests : BunitContext
{
    private static readonly string[] UserItems = ["Dashboard", "My Gmail", "My queue"];
    private static readonly string[] AdminItems = ["SMTP users", "Routes", "Queues", "DNS", "Audit", "Usage", "Outbox"];

    public NavMenuTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
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

    private static string[] ItemTexts(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll(".rz-navigation-item-text").Select(e => e.TextContent.Trim()).ToArray();
}
