using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>What every MailRelay page in the app shell should do, as steps for the browser tests.</summary>
public static partial class MailRelayPage
{
    /// <summary>
    /// Proves the Blazor circuit is live: the sidebar toggle (a server-side click handler) collapses
    /// and expands the sidebar, and the reconnect banner is not showing. It also waits for the
    /// circuit first: the prerendered sidebar has neither state class, the interactive one has one.
    /// </summary>
    public static async Task ShouldHaveLiveCircuitAsync(this IPage page)
    {
        var sidebar = page.Locator(".rz-sidebar");
        await Expect(sidebar).ToHaveClassAsync(Expanded());
        await page.Locator(".rz-sidebar-toggle").ClickAsync();
        await Expect(sidebar).ToHaveClassAsync(Collapsed());
        await page.Locator(".rz-sidebar-toggle").ClickAsync();
        await Expect(sidebar).ToHaveClassAsync(Expanded());
        await Expect(page.Locator("#components-reconnect-modal")).Not.ToHaveClassAsync(ReconnectState());
        (await page.EvaluateAsync<bool>("() => typeof window.Blazor === 'object'")).ShouldBeTrue("blazor.web.js did not load");
    }

    /// <summary>The page's error boundary is not showing.</summary>
    public static async Task ShouldShowNoErrorBoundaryAsync(this IPage page) =>
        (await page.GetByTestId("error-boundary").CountAsync()).ShouldBe(0, $"the error boundary shows on {page.Url}");

    /// <summary>Starts the OIDC sign-in as the issuer's user <paramref name="loginHint"/> and waits until the app is back in charge.</summary>
    public static async Task SignInWithOidcAsync(this IPage page, string loginHint, string expectedPath)
    {
        await page.GotoAsync($"/account/login?returnUrl=/&login_hint={Uri.EscapeDataString(loginHint)}");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == expectedPath);
    }

    /// <summary>The path and query of the page's current URL.</summary>
    public static string PathAndQuery(this IPage page) => new Uri(page.Url).PathAndQuery;

    [GeneratedRegex(@"\brz-sidebar-expanded\b")]
    private static partial Regex Expanded();

    [GeneratedRegex(@"\brz-sidebar-collapsed\b")]
    private static partial Regex Collapsed();

    [GeneratedRegex(@"\bcomponents-reconnect-(show|failed|rejected)\b")]
    private static partial Regex ReconnectState();
}
