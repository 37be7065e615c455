using Bunit;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Smtp;
using MailRelay.Core.Smtp.Adapters;
using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;
using MailRelay.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Components;

public sealed class SmtpUserSetupPageTests : RelayComponentTest
{
    private readonly SmtpIdentityOptions _options = new() { Region = "eu-west-1", SendingDomains = ["example.com"] };
    private readonly PinnedServerCertificates _pins = new();

    public SmtpUserSetupPageTests()
    {
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(_options));
        Services.AddSingleton<ISmtpIdentityProvisioner, LocalSmtpIdentityProvisioner>();
        Services.AddSingleton<ISecretProtector>(new DataProtectionSecretProtector(new EphemeralDataProtectionProvider()));
        Services.AddSingleton<ISmtpTestSender>(new SmtpClientTestSender(TimeProvider.System, _pins.Check));
        Services.AddSingleton<SmtpProvisioning>();
        Services.AddSingleton<SmtpUserLifecycle>();
        Services.AddSingleton<SmtpCredentialsReveal>();
        Services.AddSingleton<SmtpUserLookup>();
        Services.AddSingleton<SmtpTestEmail>();
    }

    private async Task<string> ActiveUserAsync()
    {
        var provisioning = Services.GetRequiredService<SmtpProvisioning>();
        var id = (await provisioning.CreateAsync("admin", "Billing app", "alice", ["billing@example.com"], default)).ShouldSucceed().Id;
        await provisioning.ProcessDueAsync("test", 10, default);
        return id;
    }

    [Fact]
    public async Task Setup_ActiveUser_ShowsServerPortUserNameAndClientSteps_PasswordOnlyOnRequestAndAudited()
    {
        SignInAs("admin", admin: true);
        var id = await ActiveUserAsync();
        var keyId = (await Store.SmtpUsers.FindSmtpUserAsync(id, default))!.AccessKeyId!;

        var page = Render<SmtpUserSetup>(p => p.Add(c => c.Id, id));

        page.WaitForElement("h1").TextContent.ShouldBe("Set up Billing app");
        page.Find("[data-testid=smtp-endpoint]").TextContent.ShouldBe("email-smtp.eu-west-1.amazonaws.com");
        page.Find("[data-testid=smtp-port]").TextContent.ShouldBe("587 with STARTTLS (or 465 with TLS from the start)");
        page.Find("[data-testid=smtp-username]").TextContent.ShouldBe(keyId);
        page.Find("[data-testid=smtp-local-note]").TextContent.ShouldContain("do not work against SES");
        page.Find("[data-testid=smtp-guide-gmail]").TextContent.ShouldContain("Send mail as");
        page.Find("[data-testid=smtp-guide-gmail]").TextContent.ShouldContain("billing@example.com");
        page.Find("[data-testid=smtp-guide-outlook]").TextContent.ShouldContain("STARTTLS");
        page.Find("[data-testid=smtp-guide-thunderbird]").TextContent.ShouldContain(keyId);
        page.FindAll("[data-testid=smtp-password]").ShouldBeEmpty();
        (await Store.Audit.ListAuditAsync(new PageRequest(0, 50), default)).Items.ShouldNotContain(e => e.Action == AuditActions.SmtpUserReveal);

        page.Find("[data-testid=smtp-setup-reveal]").Click();

        var password = page.WaitForElement("[data-testid=smtp-password]").TextContent;
        Convert.FromBase64String(password)[0].ShouldBe((byte)4);
        (await Store.Audit.ListAuditAsync(new PageRequest(0, 50), default)).Items.ShouldContain(e => e.Action == AuditActions.SmtpUserReveal && e.Target == id && e.ActorId == "admin");
    }

    [Fact]
    public async Task Setup_Rotated_ForgetsTheShownPassword()
    {
        SignInAs("admin", admin: true);
        var id = await ActiveUserAsync();
        var page = Render<SmtpUserSetup>(p => p.Add(c => c.Id, id));
        page.WaitForElement("[data-testid=smtp-setup-reveal]").Click();
        page.WaitForElement("[data-testid=smtp-password]");

        (await Services.GetRequiredService<SmtpUserLifecycle>().RotateAsync("admin", id, default)).ShouldSucceed();

        var newKey = (await Store.SmtpUsers.FindSmtpUserAsync(id, default))!.AccessKeyId!;
        page.WaitForAssertion(() => page.Find("[data-testid=smtp-username]").TextContent.ShouldBe(newKey), TimeSpan.FromSeconds(10));
        page.FindAll("[data-testid=smtp-password]").ShouldBeEmpty();
    }

    [Fact]
    public void Setup_UnknownId_SaysSo()
    {
        SignInAs("admin", admin: true);

        var page = Render<SmtpUserSetup>(p => p.Add(c => c.Id, "no-such-id"));

        page.WaitForElement("[data-testid=empty-state]").TextContent.ShouldContain("There is no such SMTP user");
    }

    [Fact]
    public async Task SendTestEmail_AgainstARealServer_ShowsTheAnswer()
    {
        SignInAs("admin", admin: true);
        var id = await ActiveUserAsync();
        var login = (await Services.GetRequiredService<SmtpCredentialsReveal>().RevealAsync("admin", id, default)).ShouldSucceed();
        await using var sink = await SmtpSinkProcess.StartAsync(login.UserName, login.Password, default);
        _pins.Pin(sink.Certificate);
        (_options.SmtpEndpointHost, _options.SmtpEndpointPort) = ("127.0.0.1", sink.Port);
        var page = Render<SmtpUserSetup>(p => p.Add(c => c.Id, id));
        page.WaitForElement("[data-testid=smtp-test]").TextContent.ShouldContain($"from billing@example.com to alice@localhost through 127.0.0.1:{sink.Port}");

        page.Find("[data-testid=smtp-test-send]").Click();

        var result = page.WaitForElement("[data-testid=smtp-test-result]", TimeSpan.FromSeconds(30));
        result.GetAttribute("data-accepted").ShouldBe("true", result.TextContent);
        result.TextContent.ShouldContain("The server accepted the test email.");
        result.TextContent.ShouldContain($"127.0.0.1:{sink.Port} answered \"250 ");
        (await sink.WaitForMessagesAsync(1)).ShouldHaveSingleItem().To.ShouldBe(["alice@localhost"]);
    }
}
