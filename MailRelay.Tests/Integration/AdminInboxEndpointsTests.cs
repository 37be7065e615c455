using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Integration;

/// <summary>Stuck inbox items over HTTP: admin-only, listed with the reason, released or deleted (audited), names that are paths refused.</summary>
public sealed class AdminInboxEndpointsTests : IAsyncLifetime
{
    private readonly MailRelayFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private string Inbox => Path.Combine(_factory.DataDirectory, "inbox");

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync(user);
        return client;
    }

    private void DropStuck(string name)
    {
        Directory.CreateDirectory(Inbox);
        File.WriteAllText(Path.Combine(Inbox, name), "From: a@example.net\r\nTo: nobody@example.com\r\nSubject: Stuck\r\n\r\nBody\r\n");
        File.WriteAllText(Path.Combine(Inbox, name + ".json"), "{ not json");
    }

    [Fact]
    public async Task Inbox_NonAdmin_Gets403_AndAnonymous401()
    {
        DropStuck("x.eml");
        var client = await SignedInAsync("alice");

        (await client.GetAsync("/api/admin/inbox/stuck")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsync("/api/admin/inbox/stuck/x.eml/release", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.DeleteAsync("/api/admin/inbox/stuck/x.eml")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _factory.CreateBrowserLikeClient().GetAsync("/api/admin/inbox/stuck")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        File.Exists(Path.Combine(Inbox, "x.eml.json")).ShouldBeTrue();
    }

    [Fact]
    public async Task Inbox_Admin_ListsReleasesAndDeletes_EachAudited()
    {
        DropStuck("one.eml");
        DropStuck("two.eml");
        var client = await SignedInAsync("admin");

        var listed = await client.GetFromJsonAsync<JsonElement>("/api/admin/inbox/stuck");
        listed.EnumerateArray().Select(i => i.GetProperty("name").GetString()).ShouldBe(["one.eml", "two.eml"], ignoreOrder: true);
        listed[0].GetProperty("reason").GetString()!.ShouldContain("is not valid JSON");

        (await client.PostAsync("/api/admin/inbox/stuck/one.eml/release", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.DeleteAsync("/api/admin/inbox/stuck/two.eml")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        File.Exists(Path.Combine(Inbox, "one.eml.json")).ShouldBeFalse();
        File.Exists(Path.Combine(Inbox, "two.eml")).ShouldBeFalse();
        var audit = (await StorePorts.From(_factory.Services).Audit.ListAuditAsync(new PageRequest(0, 50), default)).Items;
        audit.ShouldContain(a => a.Action == AuditActions.InboxRelease && a.Target == "one.eml" && a.ActorId == "admin");
        audit.ShouldContain(a => a.Action == AuditActions.InboxDelete && a.Target == "two.eml" && a.ActorId == "admin");
    }

    [Fact]
    public async Task Inbox_UnknownName_Is404ProblemDetails()
    {
        var client = await SignedInAsync("admin");

        using var response = await client.DeleteAsync("/api/admin/inbox/stuck/missing.eml");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("There is no stuck inbox item named 'missing.eml'.");
    }

    [Theory]
    [InlineData("..%2Foutside.eml")]
    [InlineData("..%5Coutside.eml")]
    [InlineData("%2E%2E%2Foutside.eml")]
    [InlineData("x.txt")]
    public async Task Inbox_NameThatIsAPath_IsRefused_AndNothingOutsideTheInboxIsTouched(string name)
    {
        var outside = Path.Combine(_factory.DataDirectory, "outside.eml");
        File.WriteAllText(outside, "Subject: outside\r\n\r\n");
        File.WriteAllText(outside + ".json", "{ not json");
        var client = await SignedInAsync("admin");

        using var deleted = await client.DeleteAsync($"/api/admin/inbox/stuck/{name}");
        using var released = await client.PostAsync($"/api/admin/inbox/stuck/{name}/release", null);

        deleted.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        released.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        File.Exists(outside).ShouldBeTrue();
        File.Exists(outside + ".json").ShouldBeTrue();
    }
}
