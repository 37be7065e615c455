using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>
/// An admin's SMTP user lifecycle in Chromium (local identities): create, watch it become active
/// live (also on a second page opened before, which can only learn of it from the live events),
/// copy the credentials, open the setup guide, rotate, disable, enable and delete, each confirmed.
/// </summary>
public sealed class SmtpUsersFlowTests(BrowserFixture browser, SmtpAppFixture fixture, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<SmtpAppFixture>, IDisposable
{
    private readonly AppProcess _app = fixture.App;
    private readonly int _outputMark = fixture.App.OutputMark;

    [Fact]
    public async Task Admin_CreatesCopiesRotatesDisablesEnablesAndDeletes_StatusFollowsLive()
    {
        var name = $"E2E app {Guid.NewGuid():N}"[..16];
        await using var admin = await browser.NewSessionAsync(_app.BaseUrl);
        await admin.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = _app.BaseUrl });
        var page = admin.Page;
        await page.SignInAsDevelopmentUserAsync("admin");

        // A second SMTP users page, open before the creation: only the live events can bring the new record there.
        var observer = await admin.NewPageAsync();
        await observer.GotoAsync("/admin/smtp-users");
        await Expect(observer.Locator("main h1")).ToHaveTextAsync("SMTP users");
        await observer.ShouldHaveLiveCircuitAsync();
        await observer.SetMarkerAsync();

        await page.OpenFromNavAsync("/admin/smtp-users", "SMTP users");
        await page.SetMarkerAsync();
        await page.GetByTestId("smtp-user-add").ClickAsync();
        var form = page.GetByTestId("smtp-user-form");
        await form.GetByLabel("Name").FillAsync(name);
        await page.ChooseInMudSelectAsync(form.GetByTestId("smtp-user-owner-field"), "Alice (alice@localhost)", "Alice");
        await form.GetByLabel("Allowed From addresses").FillAsync("Billing@Example.com");
        await page.GetByTestId("smtp-user-save").ClickAsync();
        await Expect(form).ToHaveCountAsync(0);

        foreach (var smtpPage in new[] { page, observer })
        {
            var created = Row(smtpPage, name);
            await Expect(created).ToContainTextAsync("billing@example.com");
            await Expect(created.GetByTestId("smtp-user-status")).ToHaveAttributeAsync("data-status", "Active");
            (await smtpPage.EvaluateAsync<string?>(MailRelayPage.Marker)).ShouldBe("kept", "the SMTP users page was reloaded");
        }
        var row = Row(page, name);

        // Show and copy the credentials: the copy button puts exactly the shown password on the clipboard.
        await row.GetByRole(AriaRole.Button, new() { Name = $"Show credentials {name}" }).ClickAsync();
        var panel = page.GetByTestId("smtp-credentials");
        await Expect(panel.GetByTestId("smtp-local-note")).ToContainTextAsync("do not work against SES");
        var password = await panel.GetByTestId("smtp-password").TextContentAsync();
        var firstKey = await panel.GetByTestId("smtp-username").TextContentAsync();
        password.ShouldNotBeNullOrWhiteSpace();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Copy the SMTP password" }).ClickAsync();
        await Expect(page.Snackbars().Filter(new() { HasText = "Copied the SMTP password." })).ToBeVisibleAsync();
        (await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).ShouldBe(password);

        // The setup guide names the same login and the server, and says local credentials do not work against SES.
        await row.GetByRole(AriaRole.Link, new() { Name = $"Client setup guide for {name}" }).ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync($"Set up {name}");
        await Expect(page.GetByTestId("smtp-username")).ToHaveTextAsync(firstKey!);
        await Expect(page.GetByTestId("smtp-endpoint")).ToHaveTextAsync("email-smtp.us-east-1.amazonaws.com");
        await Expect(page.GetByTestId("smtp-local-note")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "← SMTP users" }).ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("SMTP users");

        // Rotate: a new access key, the old password is gone from the screen.
        await ConfirmAsync(page, name, "Rotate");
        await Expect(Row(page, name)).Not.ToContainTextAsync("Never");
        await Expect(page.GetByTestId("smtp-credentials")).ToHaveCountAsync(0);
        await Row(page, name).GetByRole(AriaRole.Button, new() { Name = $"Show credentials {name}" }).ClickAsync();
        await Expect(page.GetByTestId("smtp-credentials").GetByTestId("smtp-username")).Not.ToHaveTextAsync(firstKey!);
        await Expect(page.GetByTestId("smtp-credentials").GetByTestId("smtp-password")).Not.ToHaveTextAsync(password!);
        var rotatedPassword = await page.GetByTestId("smtp-credentials").GetByTestId("smtp-password").TextContentAsync();
        rotatedPassword.ShouldNotBeNullOrWhiteSpace();

        // Disable and enable, each after a confirmation; the observer follows.
        await ConfirmAsync(page, name, "Disable");
        await Expect(Row(observer, name).GetByTestId("smtp-user-status")).ToHaveAttributeAsync("data-status", "Disabled");
        await ConfirmAsync(page, name, "Enable");
        await Expect(Row(page, name).GetByTestId("smtp-user-status")).ToHaveAttributeAsync("data-status", "Active");

        // Delete: cancelling keeps it; confirming removes it (the job cleans up), on both pages without a reload.
        await Row(page, name).GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        var dialog = page.MessageBox();
        await Expect(dialog).ToContainTextAsync($"Delete {name}? Its credentials stop working");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(Row(page, name).GetByTestId("smtp-user-status")).ToHaveAttributeAsync("data-status", "Active");
        await ConfirmAsync(page, name, "Delete");
        await Expect(Row(page, name)).ToHaveCountAsync(0);
        await Expect(Row(observer, name)).ToHaveCountAsync(0);
        (await observer.EvaluateAsync<string?>(MailRelayPage.Marker)).ShouldBe("kept", "the observer was reloaded");

        // Every step is in the audit log.
        await page.OpenFromNavAsync("/admin/audit", "Audit");
        foreach (var action in new[] { "smtp-user.create", "smtp-user.reveal", "smtp-user.rotate", "smtp-user.disable", "smtp-user.enable", "smtp-user.delete" })
            await Expect(page.Locator("main")).ToContainTextAsync(action);
        await page.ShouldShowNoErrorBoundaryAsync();
        await observer.ShouldShowNoErrorBoundaryAsync();
        admin.Problems.ShouldBeEmpty();
        _app.ErrorsLoggedSince(_outputMark).ShouldBeEmpty();

        // Neither password was ever logged or stored in clear by the running app.
        var log = string.Join("\n", _app.OutputSince(0));
        var stored = string.Concat(Directory.EnumerateFiles(_app.DataDirectory, "*.db*", SearchOption.AllDirectories)
            .Select(f => System.Text.Encoding.UTF8.GetString(ReadShared(f))));
        stored.ShouldNotBeEmpty();
        foreach (var secret in new[] { password!, rotatedPassword! })
        {
            log.ShouldNotContain(secret);
            stored.ShouldNotContain(secret);
        }
    }

    /// <summary>The file's bytes while the app still has it open.</summary>
    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static ILocator Row(IPage page, string name) =>
        page.GetByTestId("smtp-users-grid").Locator("tbody tr").Filter(new() { HasText = name });

    /// <summary>Clicks the row's <paramref name="action"/> button and confirms the dialog that asks first.</summary>
    private static async Task ConfirmAsync(IPage page, string name, string action)
    {
        await Row(page, name).GetByRole(AriaRole.Button, new() { Name = $"{action} {name}" }).ClickAsync();
        var dialog = page.MessageBox();
        await Expect(dialog).ToContainTextAsync($"{name}?");
        await Expect(dialog).ToContainTextAsync($"{action} SMTP user");
        await dialog.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
    }

    public void Dispose()
    {
        foreach (var line in _app.WarningsLoggedSince(_outputMark)) output.WriteLine(line);
    }
}
