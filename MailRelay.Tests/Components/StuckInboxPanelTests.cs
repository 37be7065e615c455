using Bunit;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Web.Components.Pages.Admin;
using MudBlazor;

namespace MailRelay.Tests.Components;

/// <summary>The Queues page's panel of inbox files intake cannot read, with Release and Delete.</summary>
public sealed class StuckInboxPanelTests : RelayComponentTest
{
    private async Task DropStuckAsync(string name, string sidecar)
    {
        Directory.CreateDirectory(InboxPath);
        await File.WriteAllTextAsync(Path.Combine(InboxPath, name), "From: a@example.net\r\nTo: alice@example.com\r\nSubject: Stuck\r\n\r\nBody\r\n");
        await File.WriteAllTextAsync(Path.Combine(InboxPath, name + ".json"), sidecar);
    }

    [Fact]
    public async Task Queues_InboxFileWithMalformedSidecar_IsListedWithItsReason()
    {
        await DropStuckAsync("broken.eml", "{ not json");
        await DropStuckAsync("string.eml", """{"recipients": "bob@example.com"}""");
        Directory.CreateDirectory(InboxPath);
        await File.WriteAllTextAsync(Path.Combine(InboxPath, "fine.eml"), "Subject: fine\r\n\r\nbody\r\n");
        SignInAs("admin", admin: true);

        var page = Render<Queues>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=stuck-inbox-item]").Count.ShouldBe(2));
        var broken = page.Find("[data-testid=stuck-inbox-item][data-name='broken.eml']");
        broken.QuerySelector("[data-testid=stuck-inbox-reason]")!.TextContent.ShouldContain("broken.eml.json is not valid JSON");
        var wrongShape = page.Find("[data-testid=stuck-inbox-item][data-name='string.eml']");
        wrongShape.QuerySelector("[data-testid=stuck-inbox-reason]")!.TextContent.ShouldContain("\"recipients\" must be a list of addresses");
    }

    [Fact]
    public async Task Queues_DeleteStuckFile_AsksFirstThenDeletesAndAudits()
    {
        await DropStuckAsync("broken.eml", "{ not json");
        SignInAs("admin", admin: true);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<Queues>();

        page.WaitForElement("[data-testid=stuck-inbox-delete]").Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Delete broken.eml and its sidecar?"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        File.Exists(Path.Combine(InboxPath, "broken.eml")).ShouldBeTrue("cancelling changes nothing");

        page.Find("[data-testid=stuck-inbox-delete]").Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Delete broken.eml and its sidecar?"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForElement("[data-testid=stuck-inbox-empty]");
        File.Exists(Path.Combine(InboxPath, "broken.eml")).ShouldBeFalse();
        File.Exists(Path.Combine(InboxPath, "broken.eml.json")).ShouldBeFalse();
        (await Store.Audit.ListAuditAsync(new PageRequest(0, 10), default)).Items.ShouldContain(a => a.Action == AuditActions.InboxDelete && a.Target == "broken.eml" && a.ActorId == "admin");
    }

    [Fact]
    public async Task Queues_ReleaseStuckFile_SetsTheSidecarAsideAndAudits()
    {
        await DropStuckAsync("string.eml", """{"recipients": "bob@example.com"}""");
        SignInAs("admin", admin: true);
        var dialogs = Render<MudDialogProvider>();
        var page = Render<Queues>();

        page.WaitForElement("[data-testid=stuck-inbox-release]").Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("Release string.eml?"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Release").Click();

        page.WaitForElement("[data-testid=stuck-inbox-empty]");
        File.Exists(Path.Combine(InboxPath, "string.eml")).ShouldBeTrue("intake stores it at its next run");
        File.Exists(Path.Combine(InboxPath, "string.eml.json")).ShouldBeFalse();
        var entry = (await Store.Audit.ListAuditAsync(new PageRequest(0, 10), default)).Items.ShouldHaveSingleItem();
        (entry.Action, entry.Target, entry.ActorId).ShouldBe((AuditActions.InboxRelease, "string.eml", "admin"));
        entry.Detail.ShouldNotBeNull().ShouldContain("must be a list of addresses");
    }
}
