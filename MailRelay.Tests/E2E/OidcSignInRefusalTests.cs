using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>The issuer answers with a broken id_token: MailRelay must refuse it and sign nobody in.</summary>
public sealed class OidcSignInRefusalTests(BrowserFixture browser, OidcAppFixture fixture, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<OidcAppFixture>, IDisposable
{
    private readonly AppProcess _app = fixture.App;
    private readonly int _outputMark = fixture.App.OutputMark;

    [Fact]
    public Task OidcSignIn_TamperedSignature_IsRefusedWithErrorPage() =>
        SignInShouldBeRefusedAsync("tamper-signature", "signature", "signature that does not check out");

    [Fact]
    public Task OidcSignIn_WrongAudience_IsRefusedWithErrorPage() =>
        SignInShouldBeRefusedAsync("wrong-audience", "audience", "meant for another application");

    [Fact]
    public Task OidcSignIn_UnsignedIdToken_IsRefusedWithErrorPage() =>
        SignInShouldBeRefusedAsync("unsigned", "signature", "signature that does not check out");

    private async Task SignInShouldBeRefusedAsync(string loginHint, string reason, string explanation)
    {
        await using var session = await browser.NewSessionAsync(_app.BaseUrl);
        var page = session.Page;

        await page.SignInWithOidcAsync(loginHint, expectedPath: "/account/error");

        page.PathAndQuery().ShouldBe($"/account/error?reason={reason}");
        await Expect(page.GetByTestId("signin-error")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signin-error")).ToContainTextAsync(explanation);
        await page.ShouldHaveLiveCircuitAsync();
        await Expect(page.GetByTestId("signed-in-user")).ToHaveCountAsync(0);
        (await session.Context.CookiesAsync()).ShouldNotContain(cookie => cookie.Name == "MailRelay.Session");

        var response = await page.GotoAsync("/");

        page.PathAndQuery().ShouldBe("/account/signin?ReturnUrl=%2F");
        response.ShouldNotBeNull().Request.RedirectedFrom.ShouldNotBeNull().Url.ShouldBe($"{_app.BaseUrl}/");
        await Expect(page.GetByTestId("signed-in-user")).ToHaveCountAsync(0);
        session.Problems.ShouldBeEmpty();
        // A refusal is expected, not a fault: one warning that names the reason, and no error lines.
        _app.ErrorsLoggedSince(_outputMark).ShouldBeEmpty();
        _app.WarningsLoggedSince(_outputMark).ShouldContain(line => line.Contains("OIDC sign-in refused") && line.Contains($"\"Reason\":\"{reason}\""));
    }

    public void Dispose()
    {
        foreach (var line in _app.WarningsLoggedSince(_outputMark)) output.WriteLine(line);
    }
}
