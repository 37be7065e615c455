using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Integration;

/// <summary>The Outbox page over <c>/api/admin/outbox</c>: the pickup folder's emails, listed and read whole; nothing outside the folder.</summary>
public sealed class AdminOutboxEndpointsTests : IAsyncLifetime
{
    private readonly MailRelayFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Outbox_Admin_ListsAndReadsAnEmail_404OutsideTheFolder()
    {
        var outbox = Directory.CreateDirectory(Path.Combine(_factory.DataDirectory, "outbox")).FullName;
        await File.WriteAllTextAsync(Path.Combine(outbox, "notice-1.eml"),
            "From: relay@example.com\r\nTo: alice@example.com\r\nSubject: Please reconnect Gmail\r\nContent-Type: text/plain\r\n\r\nHello Alice\r\n");
        var admin = _factory.CreateBrowserLikeClient();
        await admin.SignInAsync("admin");

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/admin/outbox");
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("fileName").GetString()).ShouldContain("notice-1.eml");
        var email = await admin.GetAsync("/api/admin/outbox/notice-1.eml").ShouldAnswerAsync(HttpStatusCode.OK);
        email.GetProperty("textBody").GetString()!.ShouldContain("Hello Alice");
        await admin.GetAsync("/api/admin/outbox/..%2Fsecret.eml").ShouldAnswerAsync(HttpStatusCode.NotFound);

        var alice = _factory.CreateBrowserLikeClient();
        await alice.SignInAsync("alice");
        (await alice.GetAsync("/api/admin/outbox/notice-1.eml")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
