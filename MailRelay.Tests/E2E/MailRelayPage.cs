using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>What every MailRelay page in the app shell should do, as steps for the browser tests.</summary>
public static partial class MailRelayPage
{
    /// <summary>
    /// Proves the Blazor circuit is live: the layout says it renders interactively (the prerendered
    /// one says it does not), the menu button (a server-side click handler) closes and opens the
    /// navigation drawer, and the reconnect banner is not showing. Meant for a desktop-wide page,
    /// where the drawer starts open.
    /// </summary>
    public static async Task ShouldHaveLiveCircuitAsync(this IPage page)
    {
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");
        var drawer = page.Locator("aside#main-navigation");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
        await Expect(drawer).ToHaveClassAsync(Open());
        await toggle.ClickAsync();
        await Expect(drawer).ToHaveClassAsync(Closed());
        await toggle.ClickAsync();
        await Expect(drawer).ToHaveClassAsync(Open());
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

    [GeneratedRegex(@"\bmud-drawer--open\b")]
    private static partial Regex Open();

    [GeneratedRegex(@"\bmud-drawer--closed\b")]
    private static partial Regex Closed();

    [GeneratedRegex(@"\bcomponents-reconnect-(show|failed|rejected)\b")]
    private static partial Regex ReconnectState();

    /// <summary>The script that reads the marker <see cref="SetMarkerAsync"/> leaves on the document.</summary>
    public const string Marker = "() => window.__mailRelayMarker";

    /// <summary>Signs in from the live development sign-in page, as a person would.</summary>
    public static async Task SignInAsDevelopmentUserAsync(this IPage page, string user)
    {
        await page.GotoAsync("/");
        await page.ShouldHaveLiveCircuitAsync();
        await page.GetByTestId($"signin-{user}").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.ShouldHaveLiveCircuitAsync();
    }

    /// <summary>
    /// Signs in from the development sign-in page at any width (a phone's drawer starts closed, so
    /// this waits for the live circuit only, not for the drawer <see cref="ShouldHaveLiveCircuitAsync"/> toggles).
    /// </summary>
    public static async Task SignInAsDevelopmentUserAtAnyWidthAsync(this IPage page, string user)
    {
        await page.GotoAsync("/");
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");
        await page.GetByTestId($"signin-{user}").ClickAsync();
        // The signed-in page's live circuit is what the caller needs; its "load" event can come late on
        // a loaded machine (it waits for every asset), so the URL wait stops at the commit.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
    }

    /// <summary>
    /// Follows a link of the navigation and waits for its page's heading on a live circuit: clicked
    /// while the circuit still starts, the link loads the whole page, whose prerendered controls the
    /// circuit then replaces (a value typed into them before that would be lost).
    /// </summary>
    public static async Task OpenFromNavAsync(this IPage page, string href, string heading)
    {
        await page.Locator("nav[aria-label=Sections]").Locator($"a[href='{href}']").ClickAsync();
        // The heading is what shows the page arrived; a full load can come late on a loaded machine.
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == href, new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(heading, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
    }

    /// <summary>
    /// Picks <paramref name="option"/> in the drop-down <paramref name="testId"/> and waits until the
    /// server has rendered the choice: a click on Save before that round trip ends could still see no choice.
    /// </summary>
    public static async Task ChooseAsync(this IPage page, string testId, string option, string shownAs)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
        await Assertions.Expect(page.GetByTestId(testId)).ToContainTextAsync(shownAs);
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
    }

    /// <summary>A value only this document has: a reload or a navigation would lose it.</summary>
    public static async Task SetMarkerAsync(this IPage page)
    {
        await page.EvaluateAsync("() => { window.__mailRelayMarker = 'kept'; }");
        (await page.EvaluateAsync<string?>(Marker)).ShouldBe("kept");
    }

    /// <summary>
    /// Picks <paramref name="option"/> in the MudSelect inside <paramref name="field"/> and waits until the server
    /// has rendered the choice (the field shows <paramref name="shownAs"/>) and the list has closed: a click on
    /// Save before that round trip ends could still see no choice.
    /// </summary>
    public static async Task ChooseInMudSelectAsync(this IPage page, ILocator field, string option, string shownAs)
    {
        await field.Locator(".mud-input-control").First.ClickAsync();
        var items = page.Locator(".mud-popover-open .mud-list-item");
        await items.Filter(new() { HasText = option }).First.ClickAsync();
        await Assertions.Expect(field.Locator("input").First).ToHaveValueAsync(shownAs);
        await Assertions.Expect(items).ToHaveCountAsync(0);
    }

    /// <summary>The MudBlazor message box on the page (a confirmation), while one is open.</summary>
    public static ILocator MessageBox(this IPage page) => page.Locator(".mud-dialog");

    /// <summary>MudBlazor's snackbars (the page's short notices).</summary>
    public static ILocator Snackbars(this IPage page) => page.Locator(".mud-snackbar");
}
