using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Domains;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>The DNS page's actions over <c>/api/admin/domains</c>: add and remove audited with the caller, "Check now" against a scripted resolver.</summary>
public sealed class AdminDomainEndpointsTests : IAsyncLifetime
{
    private readonly MailRelayFactory _factory = new();
    private FakeDohEndpoint _dns = null!;

    public async Task InitializeAsync()
    {
        _dns = await FakeDohEndpoint.StartAsync();
        _factory.Settings["Dns:ResolverUrl"] = _dns.ResolverUrl;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _dns.DisposeAsync();
    }

    [Fact]
    public async Task Domains_Admin_AddCheckRemove_ChangeTheListAndAudit()
    {
        var admin = await SignedInAsync("admin");
        _dns.Txt("example.org", "v=spf1 include:amazonses.com ~all");

        (await admin.PostAsJsonAsync("/api/admin/domains", new { name = "Example.ORG." }).ShouldAnswerAsync(HttpStatusCode.Created))
            .GetProperty("name").GetString().ShouldBe("example.org");
        (await Domains.ListAsync(default)).Select(d => d.Name).ShouldContain("example.org");

        var reports = await admin.PostAsync("/api/admin/domains/check", null).ShouldAnswerAsync(HttpStatusCode.OK);
        var report = reports.EnumerateArray().Single(r => r.GetProperty("domain").GetString() == "example.org");
        report.GetProperty("records").GetArrayLength().ShouldBeGreaterThan(0);
        _dns.Requests.ShouldContain(r => r.Name == "example.org", "Check now looked the records up");
        (await admin.PostAsync("/api/admin/domains/example.org/check", null).ShouldAnswerAsync(HttpStatusCode.OK))
            .GetProperty("domain").GetString().ShouldBe("example.org");
        (await admin.GetFromJsonAsync<JsonElement>("/api/admin/domains")).GetProperty("lastChecks").EnumerateArray()
            .ShouldContain(r => r.GetProperty("domain").GetString() == "example.org");

        await admin.DeleteAsync("/api/admin/domains/example.org").ShouldAnswerAsync(HttpStatusCode.NoContent);
        (await Domains.ListAsync(default)).Select(d => d.Name).ShouldNotContain("example.org");
        await admin.DeleteAsync("/api/admin/domains/example.org").ShouldAnswerAsync(HttpStatusCode.NotFound);
        await admin.PostAsync("/api/admin/domains/example.org/check", null).ShouldAnswerAsync(HttpStatusCode.NotFound);

        var audit = (await _factory.Services.GetRequiredService<AuditLog>().ListAsync(new PageRequest(0, 100), default)).Items;
        audit.Where(e => e.Target == "example.org").Select(e => (e.Action, e.ActorId))
            .ShouldBe([(AuditActions.DomainRemove, "admin"), (AuditActions.DomainAdd, "admin")]);
    }

    [Fact]
    public async Task Domains_DuplicateOrInvalid_409Or400WithThePagesSentence()
    {
        var admin = await SignedInAsync("admin");
        await admin.PostAsJsonAsync("/api/admin/domains", new { name = "example.net" }).ShouldAnswerAsync(HttpStatusCode.Created);

        (await admin.PostAsJsonAsync("/api/admin/domains", new { name = "EXAMPLE.net" }).ShouldAnswerAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString().ShouldBe("example.net is already on the list.");
        (await admin.PostAsJsonAsync("/api/admin/domains", new { name = "alice@example.net" }).ShouldAnswerAsync(HttpStatusCode.BadRequest))
            .ErrorOf("name").ShouldBe(DomainName.Normalize("alice@example.net").Failure?.Message);
        await admin.PostAsync("/api/admin/domains", null).ShouldAnswerAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Domains_NonAdmin_Gets403()
    {
        var alice = await SignedInAsync("alice");

        (await alice.GetAsync("/api/admin/domains")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.PostAsJsonAsync("/api/admin/domains", new { name = "example.org" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.DeleteAsync("/api/admin/domains/example.org")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.PostAsync("/api/admin/domains/check", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await alice.PostAsync("/api/admin/domains/example.org/check", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Domains.ListAsync(default)).ShouldBeEmpty();
        _dns.Requests.ShouldBeEmpty();
    }

    private DomainAdmin Domains => _factory.Services.GetRequiredService<DomainAdmin>();

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync(user);
        return client;
    }
}
