using System.Net;
using System.Net.Http.Json;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>The Routes page's actions over <c>/api/admin/routes</c>: same validation sentences, audited with the caller, admin-only.</summary>
public sealed class AdminRouteEndpointsTests : IAsyncLifetime
{
    private readonly MailRelayFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Routes_Admin_CreateUpdateDelete_ChangeTheRoutesAndAudit()
    {
        var client = await SignedInAsync("admin");

        var created = await client.PostAsJsonAsync("/api/admin/routes", Route("Sales@Example.com", "alice")).ShouldAnswerAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        created.GetProperty("pattern").GetString().ShouldBe("sales@example.com");
        created.GetProperty("actions")[0].GetProperty("kind").GetString().ShouldBe("Gmail");

        var updated = await client.PutAsJsonAsync($"/api/admin/routes/{id}", Route("sales@example.com", "bob", holdSpam: true)).ShouldAnswerAsync(HttpStatusCode.OK);
        updated.GetProperty("holdSpam").GetBoolean().ShouldBeTrue();
        (await Store.Routes.ListRoutesAsync(default)).Single(r => r.Id == id).Actions.Single().UserId.ShouldBe("bob");
        (await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/admin/routes")).EnumerateArray()
            .ShouldContain(r => r.GetProperty("id").GetInt64() == id);

        await client.DeleteAsync($"/api/admin/routes/{id}").ShouldAnswerAsync(HttpStatusCode.NoContent);
        (await Store.Routes.ListRoutesAsync(default)).ShouldNotContain(r => r.Id == id);
        await client.DeleteAsync($"/api/admin/routes/{id}").ShouldAnswerAsync(HttpStatusCode.NotFound);

        var audit = await _factory.Services.GetRequiredService<AuditLog>().ListAsync(new PageRequest(0, 100), default);
        audit.Items.Where(e => e.Target == "sales@example.com").Select(e => (e.Action, e.ActorId))
            .ShouldBe([(AuditActions.RouteDelete, "admin"), (AuditActions.RouteUpdate, "admin"), (AuditActions.RouteCreate, "admin")]);
    }

    [Fact]
    public async Task Routes_DuplicateOrInvalid_409Or400WithThePagesSentence()
    {
        var client = await SignedInAsync("admin");
        await client.PostAsJsonAsync("/api/admin/routes", Route("*@example.com", "alice")).ShouldAnswerAsync(HttpStatusCode.Created);

        var duplicate = await client.PostAsJsonAsync("/api/admin/routes", Route("*@EXAMPLE.com", "bob")).ShouldAnswerAsync(HttpStatusCode.Conflict);
        duplicate.GetProperty("detail").GetString().ShouldBe("A route for '*@example.com' already exists.");

        var invalid = await client.PostAsJsonAsync("/api/admin/routes", Route("not a pattern", "alice")).ShouldAnswerAsync(HttpStatusCode.BadRequest);
        invalid.ErrorOf("route").ShouldBe(MailRelay.Core.Routing.RouteTable.NormalizePattern("not a pattern").Failure?.Message);
        var noUser = await client.PostAsJsonAsync("/api/admin/routes", Route("x@example.com", "nobody")).ShouldAnswerAsync(HttpStatusCode.BadRequest);
        noUser.ErrorOf("route").ShouldBe("There is no user 'nobody'.");
        await client.PostAsync("/api/admin/routes", null).ShouldAnswerAsync(HttpStatusCode.BadRequest);
        await client.PutAsJsonAsync("/api/admin/routes/999999", Route("y@example.com", "alice")).ShouldAnswerAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Routes_NonAdmin_Gets403()
    {
        var client = await SignedInAsync("alice");

        (await client.GetAsync("/api/admin/routes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync("/api/admin/routes", Route("a@example.com", "alice"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PutAsJsonAsync("/api/admin/routes/1", Route("a@example.com", "alice"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.DeleteAsync("/api/admin/routes/1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Store.Routes.ListRoutesAsync(default)).ShouldBeEmpty();
    }

    private StorePorts Store => StorePorts.From(_factory.Services);

    private static object Route(string pattern, string userId, bool holdSpam = false) =>
        new { pattern, actions = new[] { new { kind = "Gmail", userId } }, holdSpam };

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync(user);
        return client;
    }
}
