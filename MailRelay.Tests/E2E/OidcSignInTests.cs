using System.Collections.Concurrent;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

public sealed class OidcSignInTests(BrowserFixture browser, OidcAppFixture fixture, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<OidcAppFixture>, IDisposable
{
    private static readonly string[] AdminPaths = ["/admin/users", "/admin/smtp-users", "/admin/routes", "/admin/queues", "/admin/dns", "/admin/audit", "/admin/usage", "/admin/outbox"];

    private readonly AppProcess _app = fixture.App;
    private readonly string _issuer = fixture.Issuer.Authority;
    private readonly int _outputMark = fixture.App.OutputMark;

    [Fact]
    public async Task OidcSignIn_AdminGroupMember_SeesEmailAndAdminItems()
    {
        await using var session = await browser.NewSessionAsync(_app.BaseUrl);
        var page = session.Page;

        await page.SignInWithOidcAsync("carol-admin", expectedPath: "/");

        var user = page.GetByTestId("signed-in-user");
        await Expect(user).ToContainTextAsync("Carol Admin");
        await Expect(user).ToContainTextAsync("carol@example.com");
        await page.ShouldHaveLiveCircuitAsync();
        await Expect(user.GetByTestId("admin-badge")).ToHaveTextAsync("admin");
        var adminNav = page.GetByTestId("admin-nav");
        await Expect(adminNav).ToBeVisibleAsync();
        var hrefs = new List<string?>();
        foreach (var link in await adminNav.Locator("a[href]").AllAsync()) hrefs.Add(await link.GetAttributeAsync("href"));
        hrefs.ShouldBe(AdminPaths);

        // The group makes an admin on the server too, not only in the menu: the audit page opens
        // and lists this sign-in.
        await adminNav.Locator("a[href='/admin/audit']").ClickAsync();
        await page.WaitForURLAsync($"{_app.BaseUrl}/admin/audit");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Audit");
        await Expect(page.Locator("main").GetByRole(AriaRole.Row).Filter(new() { HasText = "sub-carol-admin" }).First)
            .ToContainTextAsync("user.sign-in");
        await page.ShouldShowNoErrorBoundaryAsync();
        session.Problems.ShouldBeEmpty();
        _app.ErrorsLoggedSince(_outputMark).ShouldBeEmpty();
    }

    [Fact]
    public async Task OidcSignIn_PlainUser_SeesNoAdminItems()
    {
        await using var session = await browser.NewSessionAsync(_app.BaseUrl);
        var page = session.Page;

        await page.SignInWithOidcAsync("alice", expectedPath: "/");

        var user = page.GetByTestId("signed-in-user");
        await Expect(user).ToContainTextAsync("Alice Example");
        await Expect(user).ToContainTextAsync("alice@example.com");
        await page.ShouldHaveLiveCircuitAsync();
        await Expect(user.GetByTestId("admin-badge")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("admin-nav")).ToHaveCountAsync(0);
        await Expect(page.Locator("nav a[href^='/admin']")).ToHaveCountAsync(0);
        session.Problems.ShouldBeEmpty();

        var response = await page.GotoAsync("/admin/audit");

        response.ShouldNotBeNull().Status.ShouldBe(403);
        await Expect(page.Locator("h1")).ToHaveTextAsync("You do not have access to this page");
        // Chromium reports the 403 response itself as a console error; nothing else may show up.
        session.Problems.ShouldAllBe(p => p.Text.Contains("403") && p.Url.StartsWith($"{_app.BaseUrl}/admin/audit"));
        _app.ErrorsLoggedSince(_outputMark).ShouldBeEmpty();
    }

    [Fact]
    public async Task OidcSignIn_AuthorizeRequest_IsCodeFlowWithPkceS256AndNonce()
    {
        await using var session = await browser.NewSessionAsync(_app.BaseUrl);
        var requests = new ConcurrentQueue<string>();
        session.Context.Request += (_, request) => requests.Enqueue(request.Url);

        await session.Page.SignInWithOidcAsync("alice", expectedPath: "/");

        var authorize = requests.FirstOrDefault(url => url.StartsWith($"{_issuer}/authorize?"))
            .ShouldNotBeNull($"sign-in did not go through the issuer's authorize endpoint; requests: {string.Join(", ", requests)}");
        var query = QueryHelpers.ParseQuery(new Uri(authorize).Query);
        query["response_type"].ToString().ShouldBe("code");
        query["client_id"].ToString().ShouldBe(OidcAppFixture.ClientId);
        query["redirect_uri"].ToString().ShouldBe($"{_app.BaseUrl}/signin-oidc");
        query["scope"].ToString().ShouldBe("openid email profile");
        query["code_challenge_method"].ToString().ShouldBe("S256");
        query["code_challenge"].ToString().Length.ShouldBe(43, "a base64url SHA-256");
        query["nonce"].ToString().ShouldNotBeNullOrEmpty();
        query["state"].ToString().ShouldNotBeNullOrEmpty();
        query["login_hint"].ToString().ShouldBe("alice");
        query.ShouldNotContainKey("response_mode");
        await Expect(session.Page.GetByTestId("signed-in-user")).ToContainTextAsync("alice@example.com");
        session.Problems.ShouldBeEmpty();
        _app.ErrorsLoggedSince(_outputMark).ShouldBeEmpty();
    }

    [Fact]
    public async Task SignOut_EndsSession_ProtectedPageRedirectsToSignIn()
    {
        await using var session = await browser.NewSessionAsync(_app.BaseUrl);
        var page = session.Page;
        await page.SignInWithOidcAsync("bob", expectedPath: "/");
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("bob@example.com");
        await page.ShouldHaveLiveCircuitAsync();
        var requests = new ConcurrentQueue<string>();
        session.Context.Request += (_, request) => requests.Enqueue(request.Url);

        await page.GetByTestId("sign-out").ClickAsync();

        await page.WaitForURLAsync($"{_app.BaseUrl}/account/signed-out");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("You have signed out");
        var endSession = requests.FirstOrDefault(url => url.StartsWith($"{_issuer}/endsession?"))
            .ShouldNotBeNull($"sign-out did not go through the issuer's end-session endpoint; requests: {string.Join(", ", requests)}");
        var query = QueryHelpers.ParseQuery(new Uri(endSession).Query);
        query["post_logout_redirect_uri"].ToString().ShouldBe($"{_app.BaseUrl}/account/signed-out");
        query["client_id"].ToString().ShouldBe(OidcAppFixture.ClientId);
        (await session.Context.CookiesAsync()).ShouldNotContain(cookie => cookie.Name == "MailRelay.Session");

        // A new page in the same browser: the protected dashboard sends it to the sign-in page,
        // which waits for a click instead of starting the issuer's sign-in by itself.
        requests.Clear();
        var fresh = await session.NewPageAsync();
        var response = await fresh.GotoAsync("/");

        fresh.PathAndQuery().ShouldBe("/account/signin?ReturnUrl=%2F");
        response.ShouldNotBeNull().Request.RedirectedFrom.ShouldNotBeNull().Url.ShouldBe($"{_app.BaseUrl}/");
        await Expect(fresh.GetByTestId("signin-oidc")).ToBeVisibleAsync();
        await fresh.ShouldHaveLiveCircuitAsync();
        await Expect(fresh.GetByTestId("signed-in-user")).ToHaveCountAsync(0);
        requests.ShouldNotContain(url => url.StartsWith(_issuer));
        session.Problems.ShouldBeEmpty();
        _app.ErrorsLoggedSince(_outputMark).ShouldBeEmpty();
    }

    public void Dispose()
    {
        foreach (var line in _app.WarningsLoggedSince(_outputMark)) output.WriteLine(line);
    }
}
