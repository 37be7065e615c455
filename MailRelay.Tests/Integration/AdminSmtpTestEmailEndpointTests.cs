using System.Net;
using System.Net.Http.Json;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Smtp;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary><c>POST /api/admin/smtp-users/{id}/test-email</c>: the SMTP server's answer, audited with the caller; 404, 409 and 403 otherwise.</summary>
public sealed class AdminSmtpTestEmailEndpointTests : IAsyncLifetime
{
    private readonly int _silentPort = FreePort.Next();
    private readonly MailRelayFactory _factory = new();

    public AdminSmtpTestEmailEndpointTests()
    {
        _factory.Settings["SmtpIdentity:SendingDomains:0"] = "example.com";
        // Nothing listens there: the send is refused at once, and a refused attempt is the server's answer, audited too.
        _factory.Settings["SmtpIdentity:SmtpEndpointHost"] = "127.0.0.1";
        _factory.Settings["SmtpIdentity:SmtpEndpointPort"] = _silentPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task TestEmail_ActiveUser_AnswersWithTheServersReply_AndAudits()
    {
        var admin = _factory.CreateBrowserLikeClient();
        await admin.SignInAsync("admin");
        var id = (await admin.PostAsJsonAsync("/api/admin/smtp-users", new { name = "Billing", ownerUserId = "alice", allowedFrom = new[] { "billing@example.com" } })
            .ShouldAnswerAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await ActiveAsync(id);

        var result = await admin.PostAsync($"/api/admin/smtp-users/{id}/test-email", null).ShouldAnswerAsync(HttpStatusCode.OK);

        result.GetProperty("accepted").GetBoolean().ShouldBeFalse();
        // Nothing listens on the endpoint: the answer is the connection failure, naming the server.
        result.GetProperty("answer").GetString().ShouldStartWith($"Could not talk to 127.0.0.1:{_silentPort}");
        result.GetProperty("from").GetString().ShouldBe("billing@example.com");
        (await _factory.Services.GetRequiredService<AuditLog>().ListAsync(new PageRequest(0, 100), default)).Items
            .ShouldContain(e => e.Action == AuditActions.SmtpUserTestEmail && e.Target == id && e.ActorId == "admin");
        await admin.PostAsync("/api/admin/smtp-users/no-such-id/test-email", null).ShouldAnswerAsync(HttpStatusCode.NotFound);
        (await admin.PostAsync($"/api/admin/smtp-users/{id}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/admin/smtp-users/{id}/test-email", null).ShouldAnswerAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString().ShouldBe("Only active SMTP users can send a test email.");

        var alice = _factory.CreateBrowserLikeClient();
        await alice.SignInAsync("alice");
        (await alice.PostAsync($"/api/admin/smtp-users/{id}/test-email", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>Provisions the SMTP user now (the local provisioner) and waits until it is active.</summary>
    private async Task ActiveAsync(string id)
    {
        var store = StorePorts.From(_factory.Services);
        await _factory.Services.GetRequiredService<SmtpProvisioning>().ProcessDueAsync("test", 10, default);
        await RelayHost.EventuallyAsync(async () => (await store.SmtpUsers.FindSmtpUserAsync(id, default))?.Status == SmtpUserStatus.Active, $"SMTP user {id} is active");
    }
}
