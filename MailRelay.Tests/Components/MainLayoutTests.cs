using Bunit;
using MailRelay.Web.Auth;
using MailRelay.Web.Components.Layout;
using MailRelay.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MailRelay.Tests.Components;

/// <summary>MudBlazor's services are only disposable asynchronously, hence IAsyncLifetime.</summary>
public sealed class MainLayoutTests : BunitContext, IAsyncLifetime
{
    private const string ThemeModule = "./js/theme-choice.js";

    public MainLayoutTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddScoped<ThemeState>();
        Services.AddScoped<ViewerTimeZone>();
        var auth = this.AddAuthorization();
        auth.SetAuthorized("Ada Admin");
        auth.SetRoles(MailRelay.Core.Users.RoleNames.Admin);
        auth.SetPolicies(AuthSchemes.AdminPolicy);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void MainLayout_SignedIn_ShowsAppBarNavigationAndPage()
    {
        var layout = RenderLayout();

        layout.Find("header .app-title").TextContent.ShouldBe("MailRelay");
        layout.Find("[data-testid=signed-in-user]").TextContent.ShouldContain("Ada Admin");
        layout.Find("[data-testid=admin-badge]").TextContent.Trim().ShouldBe("admin");
        layout.Find("[data-testid=sign-out]").TextContent.Trim().ShouldBe("Sign out");
        layout.Find("aside[aria-label='Main navigation'] nav[aria-label=Sections]").QuerySelectorAll("a[href]").Length.ShouldBe(11);
        layout.Find("main h1").TextContent.ShouldBe("A page");
        layout.Find("[data-interactive]").GetAttribute("data-interactive").ShouldBe("true");
    }

    [Fact]
    public void MainLayout_MenuButton_OpensAndClosesTheDrawer()
    {
        // bUnit's browser reports no width, so the responsive drawer starts closed as on a phone.
        var layout = RenderLayout();
        var drawer = () => layout.Find("aside#main-navigation");
        var button = () => layout.Find("button[aria-label='Toggle navigation']");
        layout.WaitForAssertion(() => drawer().ClassList.ShouldContain("mud-drawer--closed"));
        button().GetAttribute("aria-expanded").ShouldBe("false");

        button().Click();

        drawer().ClassList.ShouldContain("mud-drawer--open");
        button().GetAttribute("aria-expanded").ShouldBe("true");
        button().Click();
        drawer().ClassList.ShouldContain("mud-drawer--closed");
    }

    [Fact]
    public void MainLayout_NothingSaved_FollowsTheSystemThenTheToggle()
    {
        JSInterop.Setup<bool>(i => i.Identifier.Contains("darkMode", StringComparison.OrdinalIgnoreCase)).SetResult(true);
        var module = JSInterop.SetupModule(ThemeModule);
        module.Setup<string?>("read").SetResult(null);
        module.SetupVoid("write", "light").SetVoidResult();

        var layout = RenderLayout();

        layout.WaitForAssertion(() => Theme(layout).ShouldBe("dark"));
        layout.Find("[data-testid=theme-toggle]").GetAttribute("aria-label").ShouldBe("Use the light theme");
        layout.Find("[data-testid=theme-toggle]").Click();
        Theme(layout).ShouldBe("light");
        Services.GetRequiredService<ThemeState>().Choice.ShouldBe("light");
        module.VerifyInvoke("write").Arguments.ShouldBe(["light"]);
    }

    [Fact]
    public void MainLayout_ChoiceSaved_StartsWithIt()
    {
        var module = JSInterop.SetupModule(ThemeModule);
        module.Setup<string?>("read").SetResult("dark");

        var layout = RenderLayout();

        layout.WaitForAssertion(() => Theme(layout).ShouldBe("dark"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<h1>A page</h1>"))));

    private static string? Theme(IRenderedComponent<MainLayout> layout) => layout.Find("[data-theme]").GetAttribute("data-theme");
}
