using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Integration;

/// <summary>The JSON lists take <c>after=</c> (a page's <c>next</c>) and refuse a cursor that is not theirs with 400 "invalid cursor".</summary>
public sealed class CursorPagingEndpointsTests : IAsyncLifetime
{
    private readonly MailRelayFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task MyQueue_WalkedByNext_EveryMessageOnce_AndAnotherUserCannotUseTheCursor()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await SeedFailedAsync("alice"));
        var alice = await SignedInAsync("alice");

        var first = await alice.GetFromJsonAsync<JsonElement>("/api/queue?status=failed&take=2");
        var next = first.GetProperty("next").GetString().ShouldNotBeNull();
        var second = await alice.GetFromJsonAsync<JsonElement>($"/api/queue?status=failed&take=2&skip=2&after={Uri.EscapeDataString(next)}");

        Ids(first).Concat(Ids(second)).ShouldBe(Enumerable.Reverse(ids));
        second.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
        var bob = await SignedInAsync("bob");
        var refused = await bob.GetAsync($"/api/queue?status=failed&after={Uri.EscapeDataString(next)}").ShouldAnswerAsync(HttpStatusCode.BadRequest);
        refused.GetProperty("title").GetString().ShouldBe("invalid cursor");
    }

    [Theory]
    [InlineData("/api/admin/messages?after=not-a-cursor")]
    [InlineData("/api/admin/audit?after=eyJMIjoiYXVkaXQifQ")]
    [InlineData("/api/admin/users?after=%25%25")]
    [InlineData("/api/admin/smtp-users?after=bnVsbA")]
    public async Task Lists_MalformedCursor_400InvalidCursor(string url)
    {
        var admin = await SignedInAsync("admin");

        var problem = await admin.GetAsync(url).ShouldAnswerAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("title").GetString().ShouldBe("invalid cursor");
        problem.GetProperty("detail").GetString().ShouldStartWith("Invalid cursor:");
    }

    private static IEnumerable<string> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("message").GetProperty("id").GetString()!);

    private async Task<string> SeedFailedAsync(string userId)
    {
        var id = $"failed-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        var summary = new MessageSummary("a@example.net", "team@example.com", "Too big", now, $"<{id}@example.net>", 10, null);
        await StorePorts.From(_factory.Services).Messages.AddMessageAsync(
            new StoredMessage(id, 0, "test", now, $"messages/{id}", ["team@example.com"], Verdicts.Unknown, summary, false),
            [new NewDelivery($"{userId}@example.com", userId, DeliveryTarget.Gmail, DeliveryStatus.Failed, false, "The message is too large.")], now, default);
        return id;
    }

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync(user);
        return client;
    }
}
