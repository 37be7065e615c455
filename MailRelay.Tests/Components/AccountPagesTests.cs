using Bunit;
using MailRelay.Web.Auth;
using MailRelay.Web.Components.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace MailRelay.Tests.Components;

/// <summary>
/// The pages before and after signing in, on MudBlazor: one h1 each, the sign-in choices and the reasons a sign-in failed.
/// MudBlazor's services are only disposable asynchronously, hence IAsyncLifetime.
/// </summary>
public sealed class AccountPagesTests : BunitContext, IAsyncLifetime
{
    private readonly SignInOptions _signIn = new();

    public AccountPagesTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(_signIn));
        Services.AddSingleton<AntiforgeryStateProvider>(new NoAntiforgery());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    [Fact]
    public void SignIn_Development_OffersEverySeededUserAsAFormPostingToDevSignIn()
    {
        var page = Render<SignIn>();

        page.FindAll("h1").ShouldHaveSingleItem().TextContent.ShouldBe("Sign in to MailRelay");
        foreach (var user in DevelopmentUsers.All)
        {
            var button = page.Find($"[data-testid=signin-{user.Id}]");
            button.TextContent.ShouldContain(user.Email);
            var form = button.Closest("form")!;
            (form.GetAttribute("method"), form.GetAttribute("action")).ShouldBe(("post", "/account/dev-signin"));
        }
        page.FindAll("[data-testid=signin-oidc]").ShouldBeEmpty();
    }

    [Fact]
    public void SignIn_Oidc_OffersOneLinkToTheProviderKeepingTheReturnAddress()
    {
        _signIn.Provider = SignInOptions.OidcProvider;
        Services.GetRequiredService<NavigationManager>().NavigateTo("/account/signin?ReturnUrl=%2Fmy%2Fgmail");

        var page = Render<SignIn>();

        page.Find("[data-testid=signin-oidc]").GetAttribute("href").ShouldBe("/account/login?returnUrl=%2Fmy%2Fgmail");
        page.FindAll("form").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("expired", "had expired")]
    [InlineData("audience", "meant for another application")]
    [InlineData(null, "could not be verified")]
    public void SignInError_Reason_IsExplainedInWords(string? reason, string explanation)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(reason is null ? "/account/error" : $"/account/error?reason={reason}");

        var page = Render<SignInError>();

        page.FindAll("h1").ShouldHaveSingleItem().TextContent.ShouldBe("Sign-in failed");
        page.Find("[data-testid=signin-error]").TextContent.ShouldContain(explanation);
    }

    [Fact]
    public void SignedOut_SaysSoAndLinksToSignInAgain()
    {
        var page = Render<SignedOut>();

        page.FindAll("h1").ShouldHaveSingleItem().TextContent.ShouldBe("You have signed out");
        page.Find("a[href='/account/signin']").TextContent.ShouldBe("Sign in again");
    }

    [Fact]
    public void Error_SaysNoMailWasLost()
    {
        var page = Render<Error>();

        page.FindAll("h1").ShouldHaveSingleItem().TextContent.ShouldBe("Something went wrong");
        page.Markup.ShouldContain("no mail was lost");
    }

    [Fact]
    public void NotFound_SaysSoAndLinksBackToTheDashboard()
    {
        var page = Render<NotFound>();

        page.FindAll("h1").ShouldHaveSingleItem().TextContent.ShouldBe("Page not found");
        page.Find("a[href='/']").TextContent.ShouldBe("your dashboard");
    }

    private sealed class NoAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
    }
}
