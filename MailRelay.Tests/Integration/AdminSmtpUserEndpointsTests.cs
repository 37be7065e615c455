using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Smtp;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>The SMTP user admin API over HTTP: admin-only (also for routes with parameters), no secret in lists, audited reveal.</summary>
public sealed class AdminSmtpUserEndpointsTests : IAsyncLifetime
{
    private readonly MailRelayFactory _factory = new();

    public AdminSmtpUserEndpointsTests() => _factory.Settings["SmtpIdentity:SendingDomains:0"] = "example.com";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task SmtpUsers_NonAdmin_Gets403Everywhere()
    {
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync("alice");

        (await client.GetAsync("/admin/smtp-users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/admin/smtp-users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync("/api/admin/smtp-users", new { name = "x", ownerUserId = "alice", allowedFrom = new[] { "a@example.com" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsync("/api/admin/smtp-users/some-id/reveal", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.DeleteAsync("/api/admin/smtp-users/some-id")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var action in new[] { "retry", "rotate", "disable", "enable" })
            (await client.PostAsync($"/api/admin/smtp-users/some-id/{action}", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, action);
    }

    [Fact]
    public async Task SmtpUserActions_Admin_RotateDisableEnable_RefuseWrongStateWithProblemDetails_AndAudit()
    {
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        using var created = await client.PostAsJsonAsync("/api/admin/smtp-users", new { name = "Billing", ownerUserId = "admin", allowedFrom = new[] { "billing@example.com" } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await ProvisionAsync(id);
        var firstKey = await KeyOfAsync(id);

        var rotated = await PostAsync(client, id, "rotate", HttpStatusCode.OK);
        rotated.GetProperty("status").GetString().ShouldBe("Active");
        rotated.GetProperty("accessKeyId").GetString().ShouldNotBe(firstKey);
        rotated.GetProperty("lastRotatedAt").ValueKind.ShouldBe(JsonValueKind.String);

        (await PostAsync(client, id, "disable", HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("Disabled");
        var refused = await PostAsync(client, id, "rotate", HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString().ShouldBe("Only active SMTP users can be rotated.");
        refused.GetProperty("title").GetString().ShouldBe("The SMTP user was not rotated.");
        (await PostAsync(client, id, "disable", HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldBe("Only active SMTP users can be disabled.");
        (await PostAsync(client, id, "enable", HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("Active");
        (await PostAsync(client, id, "retry", HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldBe("Only failed SMTP users can be retried.");
        (await client.PostAsync("/api/admin/smtp-users/no-such-id/rotate", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var audit = await _factory.Services.GetRequiredService<AuditLog>().ListAsync(new PageRequest(0, 100), default);
        audit.Items.Where(e => e.Target == id).Select(e => e.Action).ShouldBe(
            [AuditActions.SmtpUserEnable, AuditActions.SmtpUserDisable, AuditActions.SmtpUserRotate, AuditActions.SmtpUserCreate]);
        audit.Items.Where(e => e.Target == id).ShouldAllBe(e => e.ActorId == "admin");
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string id, string action, HttpStatusCode expected)
    {
        using var response = await client.PostAsync($"/api/admin/smtp-users/{id}/{action}", null);
        response.StatusCode.ShouldBe(expected, $"{action}: {await response.Content.ReadAsStringAsync()}");
        if (expected != HttpStatusCode.OK) response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string?> KeyOfAsync(string id) =>
        (await StorePorts.From(_factory.Services).SmtpUsers.FindSmtpUserAsync(id, default))?.AccessKeyId;

    [Fact]
    public async Task SmtpUsers_Admin_CreateListRevealDelete()
    {
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        using var noBody = await client.PostAsync("/api/admin/smtp-users", null);
        noBody.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        noBody.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using var refused = await client.PostAsJsonAsync("/api/admin/smtp-users", new { name = "Billing", ownerUserId = "admin", allowedFrom = new[] { "billing@elsewhere.org" } });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("not a configured sending domain");

        using var created = await client.PostAsJsonAsync("/api/admin/smtp-users", new { name = "Billing", ownerUserId = "admin", allowedFrom = new[] { "billing@example.com" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        await ProvisionAsync(id);

        var list = await client.GetStringAsync("/api/admin/smtp-users");
        list.ShouldContain(id);
        list.ShouldContain("\"status\":\"Active\"");
        list.ShouldNotContain("protectedPassword", Case.Insensitive);
        list.ShouldNotContain("password", Case.Insensitive);

        using var reveal = await client.PostAsync($"/api/admin/smtp-users/{id}/reveal", null);
        reveal.StatusCode.ShouldBe(HttpStatusCode.OK);
        var credentials = await reveal.Content.ReadFromJsonAsync<JsonElement>();
        var password = credentials.GetProperty("password").GetString()!;
        password.ShouldNotBeNullOrEmpty();
        credentials.GetProperty("host").GetString().ShouldBe("email-smtp.us-east-1.amazonaws.com");
        credentials.GetProperty("port").GetInt32().ShouldBe(587);
        credentials.GetProperty("worksWithSes").GetBoolean().ShouldBeFalse();
        list.ShouldNotContain(password);

        (await client.DeleteAsync($"/api/admin/smtp-users/{id}")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await client.DeleteAsync("/api/admin/smtp-users/no-such-id")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync("/api/admin/smtp-users/no-such-id/reveal", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var audit = await _factory.Services.GetRequiredService<AuditLog>().ListAsync(new PageRequest(0, 100), default);
        var smtpActions = audit.Items.Where(e => e.Action.StartsWith("smtp-user.", StringComparison.Ordinal)).ToList();
        smtpActions.Select(e => e.Action).ShouldContain(AuditActions.SmtpUserCreate);
        smtpActions.Select(e => e.Action).ShouldContain(AuditActions.SmtpUserReveal);
        smtpActions.Select(e => e.Action).ShouldContain(AuditActions.SmtpUserDelete);
        smtpActions.ShouldAllBe(e => e.ActorId == "admin");
        audit.Items.ShouldAllBe(e => e.Detail == null || !e.Detail.Contains(password));
    }

    /// <summary>Runs the provisioning step until the record is active (the scheduled job may take it first).</summary>
    private async Task ProvisionAsync(string id)
    {
        var provisioning = _factory.Services.GetRequiredService<SmtpProvisioning>();
        var store = StorePorts.From(_factory.Services);
        for (var i = 0; i < 100; i++)
        {
            await provisioning.ProcessDueAsync("test", 10, default);
            if ((await store.SmtpUsers.FindSmtpUserAsync(id, default))?.Status == SmtpUserStatus.Active) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"SMTP user {id} did not become active.");
    }
}
