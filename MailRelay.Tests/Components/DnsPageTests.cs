using Bunit;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Domains;
using MailRelay.Core.Smtp;
using MailRelay.Tests.Support;
using MailRelay.Tests.Unit;
using MailRelay.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace MailRelay.Tests.Components;

/// <summary>The DNS page over the real store, checker and DoH adapter, with an in-process DoH endpoint as DNS.</summary>
public sealed class DnsPageTests : RelayComponentTest, IAsyncLifetime
{
    private readonly DnsOptions _options = DnsTestZone.Options("http://127.0.0.1:1/dns-query");
    private FakeDohEndpoint _dns = null!;

    public DnsPageTests()
    {
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(_options));
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new SmtpIdentityOptions { SendingDomains = ["Suggested.example"] }));
        Services.AddSingleton<IDnsResolver>(_ => _dns.CreateResolver());
        Services.AddSingleton<RecordPlanner>();
        Services.AddSingleton<DnsChecker>();
        Services.AddSingleton<DomainAdmin>();
        SignInAs("admin", admin: true);
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _dns = await FakeDohEndpoint.StartAsync();
        _options.ResolverUrl = _dns.ResolverUrl;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _dns.DisposeAsync();
        await DisposeRelayAsync();
    }

    [Fact]
    public void Dns_NoDomains_EmptyStateAndTheLabelledAddForm()
    {
        var page = Render<Dns>();

        page.WaitForElement("[data-testid=empty-state]").TextContent.ShouldContain("No domains yet");
        var input = page.Find("input[name=domain-name]");
        page.Find($"label[for='{input.Id}']").TextContent.ShouldBe("Domain name");
        page.FindAll("[data-testid=dns-check-now]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Dns_AddNotADomain_SaysWhyNextToTheFieldAndStoresNothing()
    {
        var page = Render<Dns>();

        page.Find("input[name=domain-name]").Change("alice@example.com");
        page.Find("[data-testid=domain-form] form").Submit();

        page.WaitForAssertion(() => page.Find("#domain-error").TextContent.ShouldBe("'alice@example.com' is an address; enter only the part after the @."));
        page.Find("input[name=domain-name]").GetAttribute("aria-invalid").ShouldBe("true");
        page.Find("input[name=domain-name]").GetAttribute("aria-describedby").ShouldBe("domain-name-help domain-error");
        (await Store.Domains.ListDomainsAsync(default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dns_AddDomain_ListedLowerCasedWithItsRecordsAndAudited()
    {
        var page = Render<Dns>();

        page.Find("input[name=domain-name]").Change(" Example.COM ");
        page.Find("[data-testid=domain-form] form").Submit();

        var card = page.WaitForElement("[data-testid=dns-domain][data-domain='example.com']");
        card.QuerySelectorAll("[data-testid=dns-record]").Length.ShouldBe(12);
        card.QuerySelector("[data-testid=dns-checked-at]")!.TextContent.ShouldBe("Not checked yet");
        card.QuerySelector("[data-testid=dns-record][data-purpose=Dmarc] [data-testid=dns-expected]")!.TextContent
            .ShouldBe("v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com");
        card.QuerySelectorAll("button[aria-label='Copy the value of _dmarc.example.com']").Length.ShouldBe(1);
        (await Store.Domains.ListDomainsAsync(default)).Select(d => d.Name).ShouldBe(["example.com"]);
        (await Store.Audit.ListAuditAsync(new PageRequest(0, 10), default)).Items.ShouldContain(a => a.Action == AuditActions.DomainAdd && a.Target == "example.com" && a.ActorId == "admin");
    }

    [Fact]
    public async Task Dns_DomainWithoutTokens_SaysWhichSettingToConfigure()
    {
        await new DomainAdmin(Store.Domains, new AuditLog(Store.Audit, TimeProvider.System), TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(_options), Microsoft.Extensions.Options.Options.Create(new SmtpIdentityOptions())).AddAsync("admin", "other.example", default);

        var page = Render<Dns>();

        var row = page.WaitForElement("[data-testid=dns-record][data-purpose=SesVerification]");
        row.QuerySelector("[data-testid=dns-missing-setting]")!.TextContent.ShouldBe("configure Dns:Domains:other.example:VerificationToken");
        row.GetAttribute("data-status").ShouldBe("NotConfigured");
    }

    [Fact]
    public async Task Dns_CheckNow_ShowsEachRecordsStatusWithWhatWasFoundAndWhen()
    {
        _dns.PublishAll();
        _dns.Clear("_dmarc.example.com", "TXT");
        _dns.Txt("_dmarc.example.com", "v=DMARC1; p=none");
        _dns.Clear("example.com", "MX");
        _dns.Mx("example.com", 5, "mx.other-provider.example");
        _dns.Clear("_smtp._tls.example.com", "TXT");
        await Store.Domains.AddDomainAsync(new("example.com", "admin", DateTimeOffset.UtcNow), default);
        var page = Render<Dns>();

        page.WaitForElement("[data-testid=dns-check-now]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=dns-checked-at]").TextContent.ShouldStartWith("Checked "), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => page.FindAll("[data-testid=dns-checking]").ShouldBeEmpty(), TimeSpan.FromSeconds(5));
        Status(page, "Dmarc").ShouldBe("Warning");
        Status(page, "InboundMx").ShouldBe("Different");
        Status(page, "TlsReporting").ShouldBe("Missing");
        Status(page, "Spf").ShouldBe("OK");
        page.FindAll("[data-testid=dns-record][data-purpose=Dkim]").ShouldAllBe(r => r.GetAttribute("data-status") == "Ok");
        var mx = page.Find("[data-testid=dns-record][data-purpose=InboundMx]");
        mx.QuerySelector("[data-testid=dns-found]")!.TextContent.ShouldContain("5 mx.other-provider.example");
        mx.QuerySelector("[data-testid=dns-explanation]")!.TextContent.ShouldContain("does not point to SES");
        page.Find("[data-testid=dns-record][data-purpose=Dmarc] [data-testid=dns-explanation]").TextContent.ShouldStartWith("DMARC p=none only monitors");
    }

    [Fact]
    public async Task Dns_CheckedByAnotherInstance_ShownWithoutAReload()
    {
        await Store.Domains.AddDomainAsync(new("example.com", "admin", DateTimeOffset.UtcNow), default);
        var page = Render<Dns>();
        page.WaitForAssertion(() => page.Find("[data-testid=dns-checked-at]").TextContent.ShouldBe("Not checked yet"));

        // Another instance's check: its report in the shared store, and the change on the event stream.
        var record = new RecordPlanner(Microsoft.Extensions.Options.Options.Create(_options)).For("example.com").First();
        await Store.Domains.SaveCheckReportAsync(new DomainCheckReport("example.com", DateTimeOffset.UtcNow, [new RecordCheck(record, DnsCheckStatus.Missing, [], "Not found.")]), default);
        Services.GetRequiredService<RelayEvents>().Publish(new RelayChange(DnsChecker.CheckedKind, null, null));

        page.WaitForAssertion(() => page.Find("[data-testid=dns-checked-at]").TextContent.ShouldStartWith("Checked "), TimeSpan.FromSeconds(10));
        page.Find($"[data-testid=dns-record][data-purpose={record.Purpose}]").GetAttribute("data-status").ShouldBe("Missing");
    }

    [Fact]
    public async Task Dns_Remove_AsksFirstThenRemovesAndAudits()
    {
        await Store.Domains.AddDomainAsync(new("example.com", "admin", DateTimeOffset.UtcNow), default);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<Dns>();

        page.WaitForElement("[data-testid=domain-remove]").Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Remove example.com?"));
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Keep it")).Click();
        (await Store.Domains.ListDomainsAsync(default)).Count.ShouldBe(1, "keeping it changes nothing");

        page.Find("[data-testid=domain-remove]").Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Remove example.com?"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").Click();

        page.WaitForElement("[data-testid=empty-state]");
        (await Store.Domains.ListDomainsAsync(default)).ShouldBeEmpty();
        (await Store.Audit.ListAuditAsync(new PageRequest(0, 10), default)).Items.ShouldContain(a => a.Action == AuditActions.DomainRemove && a.Target == "example.com");
    }

    [Fact]
    public async Task Dns_SendingDomainInConfiguration_OfferedAndAddedWithOneClick()
    {
        var page = Render<Dns>();

        page.WaitForElement("[data-testid=domain-suggestions]").TextContent.ShouldContain("In configuration but not listed");
        page.FindAll("[data-testid=domain-suggestions] button").Select(b => b.TextContent.Trim()).ShouldBe(["Add example.com", "Add suggested.example"]);
        page.FindAll("[data-testid=domain-suggestions] button").First(b => b.TextContent.Contains("suggested.example")).Click();

        page.WaitForElement("[data-testid=dns-domain][data-domain='suggested.example']");
        (await Store.Domains.ListDomainsAsync(default)).Select(d => d.Name).ShouldBe(["suggested.example"]);
    }

    private static string Status(IRenderedComponent<Dns> page, string purpose) =>
        page.Find($"[data-testid=dns-record][data-purpose={purpose}] [data-testid=dns-status]").TextContent.Trim();
}
