using Microsoft.Playwright;

namespace MailRelay.Tests.E2E;

/// <summary>
/// One headless Chromium per test class (use it as a class fixture); every test opens its own
/// <see cref="BrowserSession"/>, so no cookie or page state leaks between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's package (test.sh installs it). Playwright's own browser download is not used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}: run ./test.sh, which installs Debian's chromium package.");
        }
        // Blazor pages become interactive only once the circuit is up; on a busy 2-core machine that
        // can take longer than Playwright's 5 s default for assertions.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context (no cookies) with one page, resolving relative URLs against <paramref name="baseUrl"/>;
    /// <paramref name="configure"/> may set more of the context (viewport, time zone, colour scheme).
    /// </summary>
    public async Task<BrowserSession> NewSessionAsync(string baseUrl, Action<BrowserNewContextOptions>? configure = null)
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser fixture is not initialized.");
        var options = new BrowserNewContextOptions { BaseURL = baseUrl };
        configure?.Invoke(options);
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(30_000);
        return await BrowserSession.StartAsync(context);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
