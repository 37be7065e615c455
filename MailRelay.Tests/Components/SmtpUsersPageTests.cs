using Bunit;
using MailRelay.Core.Common;
using MailRelay.Core.Smtp;
using MailRelay.Core.Smtp.Adapters;
using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;
using MailRelay.Web.Components.Pages.Admin;
using MailRelay.Web.Live;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Components;

public sealed class SmtpUsersPageTests : RelayComponentTest
{
    public SmtpUsersPageTests()
    {
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new SmtpIdentityOptions { Region = "eu-west-1", SendingDomains = ["example.com"] }));
        Services.AddSingleton<ISmtpIdentityProvisioner, LocalSmtpIdentityProvisioner>();
        Services.AddSingleton<ISecretProtector>(new DataProtectionSecretProtector(new EphemeralDataProtectionProvider()));
        Services.AddSingleton<SmtpProvisioning>();
        Services.AddSingleton<SmtpUserLifecycle>();
        Services.AddSingleton<SmtpCredentialsReveal>();
        Services.AddSingleton<SmtpUserLookup>();
    }

    [Fact]
    public void SmtpUsers_None_ShowsEmptyState()
    {
        SignInAs("admin", admin: true);

        var page = Render<SmtpUsers>();

        page.WaitForElement("[data-testid=empty-state]").TextContent.ShouldContain("No SMTP users yet");
    }

    [Fact]
    public async Task SmtpUsers_CreatedUser_IsListedWithItsStatus()
    {
        SignInAs("admin", admin: true); // before the first service is resolved
        var created = await Services.GetRequiredService<SmtpProvisioning>().CreateAsync("admin", "Billing app", "alice", ["billing@example.com"], default);
        created.ShouldSucceed();

        var page = Render<SmtpUsers>();

        var row = page.WaitForElement("[data-testid=smtp-users-grid] tbody tr");
        row.TextContent.ShouldContain("Billing app");
        row.TextContent.ShouldContain("Alice");
        row.TextContent.ShouldContain("billing@example.com");
        row.QuerySelector("[data-testid=smtp-user-status]")!.GetAttribute("data-status").ShouldBe("Pending");
        page.FindAll("[data-testid=empty-state]").ShouldBeEmpty();
    }

    [Fact]
    public async Task SmtpUsers_JobMovesTheRecord_PageFollowsPendingToActiveWithoutReload()
    {
        SignInAs("admin", admin: true);
        var provisioning = Services.GetRequiredService<SmtpProvisioning>();
        await provisioning.CreateAsync("admin", "Billing app", "alice", ["billing@example.com"], default);
        var page = Render<SmtpUsers>();
        page.WaitForAssertion(() => page.Find("[data-testid=smtp-users-grid] [data-testid=smtp-user-status]").GetAttribute("data-status").ShouldBe("Pending"));

        // The job runs outside the page; only the published event can tell the page.
        await provisioning.ProcessDueAsync("test", 10, default);

        page.WaitForAssertion(() => page.Find("[data-testid=smtp-users-grid] [data-testid=smtp-user-status]").GetAttribute("data-status").ShouldBe("Active"),
            TimeSpan.FromSeconds(10));
        // The refresh brings the actions an active user has, not just the status: credentials can be shown now.
        page.FindAll("[data-testid=smtp-users-grid] tbody button").Select(b => b.GetAttribute("aria-label"))
            .ShouldBe(["Rotate Billing app", "Disable Billing app", "Show credentials Billing app", "Delete Billing app"]);
    }

    [Fact]
    public async Task SmtpUsers_PageGoesAway_StopsFollowingChanges()
    {
        SignInAs("admin", admin: true);
        var provisioning = Services.GetRequiredService<SmtpProvisioning>();
        var page = Render<SmtpUsers>();
        page.WaitForElement("[data-testid=empty-state]");
        await provisioning.CreateAsync("admin", "First", "alice", ["first@example.com"], default);
        page.WaitForAssertion(() => page.Find("[data-testid=smtp-users-grid] tbody").TextContent.ShouldContain("First"), TimeSpan.FromSeconds(10));

        page.Instance.Dispose();
        // A page still open proves the change was published and refreshed on; a page that still
        // listened would refresh within one more interval of it. (Its render count is no measure:
        // the local times inside it follow the viewer's time zone, which the open page loads.)
        var open = Render<SmtpUsers>();
        open.WaitForAssertion(() => open.Find("[data-testid=smtp-users-grid] tbody").TextContent.ShouldContain("First"));
        await provisioning.CreateAsync("admin", "Second", "alice", ["second@example.com"], default);
        open.WaitForAssertion(() => open.Find("[data-testid=smtp-users-grid] tbody").TextContent.ShouldContain("Second"), TimeSpan.FromSeconds(10));
        await Task.Delay(LiveRefresh.DefaultInterval * 2);

        page.Find("[data-testid=smtp-users-grid] tbody").TextContent.ShouldNotContain("Second");
    }

    [Fact]
    public void SmtpUsers_AddressOutsideTheSendingDomains_ShowsTheServicesSentenceNextToTheFields()
    {
        SignInAs("admin", admin: true);
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var page = Render<SmtpUsers>();
        page.WaitForElement("[data-testid=smtp-user-add]").Click();

        page.Find("input[name=smtp-user-name]").Change("Billing app");
        ChooseOption(page.Find("[data-testid=smtp-user-form]"), popovers, "Alice");
        page.Find("textarea[name=smtp-user-from]").Change("billing@elsewhere.org");
        page.Find("[data-testid=smtp-user-form] form").Submit();

        page.WaitForAssertion(() => page.Find("#smtp-user-error").TextContent.ShouldContain(
            "\"billing@elsewhere.org\" uses the domain elsewhere.org, which is not a configured sending domain (example.com)."));
        var from = page.Find("textarea[name=smtp-user-from]");
        from.GetAttribute("aria-invalid").ShouldBe("true");
        from.GetAttribute("aria-describedby")!.Split(' ').ShouldContain("smtp-user-error");
        page.Find($"label[for='{from.Id}']").TextContent.ShouldBe("Allowed From addresses");
    }

    [Fact]
    public async Task SmtpUsers_ShowCredentials_ShowsWhatAMailClientNeedsAndAudits()
    {
        SignInAs("admin", admin: true);
        var provisioning = Services.GetRequiredService<SmtpProvisioning>();
        var id = (await provisioning.CreateAsync("admin", "Billing app", "alice", ["billing@example.com"], default)).ShouldSucceed().Id;
        await provisioning.ProcessDueAsync("test", 10, default);
        var page = Render<SmtpUsers>();

        page.WaitForElement("[data-testid=smtp-reveal]").Click();

        var panel = page.WaitForElement("[data-testid=smtp-credentials]");
        panel.QuerySelector("[data-testid=smtp-endpoint]")!.TextContent.ShouldBe("email-smtp.eu-west-1.amazonaws.com");
        panel.TextContent.ShouldContain("587 with STARTTLS (or 465 with TLS)");
        panel.QuerySelector("[data-testid=smtp-password]")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        panel.QuerySelector("[data-testid=smtp-policy]")!.TextContent.ShouldContain("billing@example.com");
        panel.QuerySelector("[data-testid=smtp-local-note]").ShouldNotBeNull();
        panel.QuerySelectorAll("button[aria-label^=Copy]").Length.ShouldBe(4);
        var audit = await Services.GetRequiredService<MailRelay.Core.Audit.AuditLog>().ListAsync(new PageRequest(0, 50), default);
        audit.Items.ShouldContain(e => e.Action == MailRelay.Core.Audit.AuditActions.SmtpUserReveal && e.Target == id && e.ActorId == "admin");
    }

    [Fact]
    public void SmtpUsers_LocalProvisioner_SaysLocalCredentialsDoNotWorkAgainstSes()
    {
        SignInAs("admin", admin: true);

        var page = Render<SmtpUsers>();

        page.WaitForElement("[data-testid=smtp-local-note]").TextContent.ShouldContain("do not work against SES");
    }
}
