using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>The DNS page in Chromium against the real app: add a domain, check its records live, download the zone, remove it.</summary>
public sealed class DnsPageFlowTests(BrowserFixture browser, DnsAppFixture fixture)
    : IClassFixture<BrowserFixture>, IClassFixture<DnsAppFixture>
{
    private readonly AppProcess _app = fixture.App;
    private readonly int _outputMark = fixture.App.OutputMark;

    [Fact]
    public async Task Admin_AddsDomainChecksRecordsDownloadsZoneAndRemovesIt()
    {
        await using var admin = await browser.NewSessionAsync(_app.BaseUrl);
        var page = admin.Page;
        await page.SignInAsDevelopmentUserAsync("admin");
        await page.OpenFromNavAsync("/admin/dns", "DNS");

        await page.GetByLabel("Domain name").FillAsync("Example.com");
        await page.GetByTestId("domain-add").ClickAsync();
        var domain = page.Locator("[data-testid=dns-domain][data-domain='example.com']");
        await Expect(domain.GetByTestId("dns-checked-at")).ToHaveTextAsync("Not checked yet");
        await Expect(domain.GetByTestId("dns-record")).ToHaveCountAsync(12);

        await page.GetByTestId("dns-check-now").ClickAsync();

        await Expect(domain.GetByTestId("dns-checked-at")).ToContainTextAsync("Checked ");
        await Expect(domain.Locator("[data-testid=dns-record][data-purpose=Dmarc]")).ToHaveAttributeAsync("data-status", "Warning");
        await Expect(domain.Locator("[data-testid=dns-record][data-purpose=Dmarc] [data-testid=dns-explanation]")).ToContainTextAsync("p=none only monitors");
        await Expect(domain.Locator("[data-testid=dns-record][data-status=Ok]")).ToHaveCountAsync(11);

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download the zone file for example.com" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("example.com.zone");
        var zone = await File.ReadAllTextAsync((await download.PathAsync())!);
        zone.ShouldContain("example.com. 3600 IN MX 10 inbound-smtp.eu-west-1.amazonaws.com.\n");

        await domain.GetByTestId("domain-remove").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Remove domain" });
        await Expect(dialog).ToContainTextAsync("Remove example.com?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("empty-state")).ToContainTextAsync("No domains yet");

        await page.ShouldShowNoErrorBoundaryAsync();
        admin.Problems.ShouldBeEmpty();
        _app.ErrorsLoggedSince(_outputMark).ShouldBeEmpty();
    }
}
