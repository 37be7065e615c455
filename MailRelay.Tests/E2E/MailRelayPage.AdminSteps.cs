using MailRelay.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>Admin steps the Gmail browser flows share: a route for Alice, and a message uploaded for her.</summary>
public static partial class MailRelayPage
{
    /// <summary>On Routes, sends alice@example.com to Alice's Gmail, then goes back to Queues.</summary>
    public static async Task RouteAliceToGmailAsync(this IPage page)
    {
        await page.OpenFromNavAsync("/admin/routes", "Routes");
        await page.GetByTestId("route-add").ClickAsync();
        await page.GetByLabel("Recipient pattern").FillAsync("alice@example.com");
        await page.ChooseInMudSelectAsync(page.GetByTestId("route-action-user"), "Alice (alice@localhost)", "Alice");
        await page.GetByTestId("route-save").ClickAsync();
        await Expect(page.GetByTestId("routes-grid").Locator("tbody tr").Filter(new() { HasText = "alice@example.com" })).ToContainTextAsync("Gmail of Alice");
        await page.OpenFromNavAsync("/admin/queues", "Queues");
    }

    /// <summary>On the Queues page, uploads a message for alice@example.com with <paramref name="subject"/>.</summary>
    public static async Task UploadForAliceAsync(this IPage admin, string subject)
    {
        using var files = new TempDirectory();
        var eml = Path.Combine(files.Path, "message.eml");
        await File.WriteAllTextAsync(eml,
            $"From: Carol <carol@example.net>\r\nTo: alice@example.com\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@example.net>\r\n" +
            "Date: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nHello Alice.\r\n");
        await admin.GetByTestId("upload-file").SetInputFilesAsync(eml);
        await admin.GetByLabel("Envelope recipients").FillAsync("alice@example.com");
        await admin.GetByTestId("upload-submit").ClickAsync();
        await Expect(admin.GetByTestId("upload-result")).ToContainTextAsync("Stored message.eml as message");
    }
}
