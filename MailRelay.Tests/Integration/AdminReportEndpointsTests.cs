using System.Net;
using CsvHelper;
using MailRelay.Core.Audit;
using MailRelay.Core.Outbound;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>The audit and usage reports over HTTP: admin-only, CSV that matches the filter, bad filters refused.</summary>
public sealed class AdminReportEndpointsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly MailRelayFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private StorePorts Store => StorePorts.From(_factory.Services);

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync(user);
        return client;
    }

    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        using var reader = CsvReader.FromText(text, null);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
            rows.Add(new[] { "sequence", "at", "who", "action", "target", "detail", "correlation_id" }.ToDictionary(h => h, h => reader.GetString(h)));
        return rows;
    }

    [Theory]
    [InlineData("/api/admin/audit.csv")]
    [InlineData("/api/admin/usage.csv")]
    [InlineData("/api/admin/usage")]
    [InlineData("/api/admin/audit")]
    public async Task Reports_NonAdmin_Get403(string path)
    {
        var client = await SignedInAsync("alice");

        (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _factory.CreateBrowserLikeClient().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AuditCsv_Filtered_ContainsExactlyTheMatchingEntriesNewestFirst()
    {
        var client = await SignedInAsync("admin");
        await Store.Audit.AppendAuditAsync(new NewAuditEntry("bob", AuditActions.RouteCreate, "early@example.com", null, "c0"), T0.AddDays(-1), default);
        await Store.Audit.AppendAuditAsync(new NewAuditEntry("bob", AuditActions.RouteCreate, "a@example.com", "to bob, with a comma", "c1"), T0, default);
        await Store.Audit.AppendAuditAsync(new NewAuditEntry("bob", AuditActions.RouteDelete, "b@example.com", null, "c2"), T0.AddHours(1), default);
        await Store.Audit.AppendAuditAsync(new NewAuditEntry("carol", AuditActions.RouteCreate, "c@example.com", null, "c3"), T0.AddHours(2), default);
        await Store.Audit.AppendAuditAsync(new NewAuditEntry("bob", AuditActions.RouteCreate, "=HYPERLINK(\"http://evil\")", null, "c4"), T0.AddHours(3), default);

        using var response = await client.GetAsync($"/api/admin/audit.csv?user=bob&action={AuditActions.RouteCreate}&from=2026-11-02T00:00:00Z&to=2026-11-03T00:00:00Z");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var rows = ReadCsv(await response.Content.ReadAsStringAsync());
        rows.Select(r => r["correlation_id"]).ShouldBe(["c4", "c1"]);
        rows[1]["detail"].ShouldBe("to bob, with a comma");
        rows[1]["at"].ShouldBe("2026-11-02T09:00:00Z");
        rows[1]["who"].ShouldBe("bob");
        rows[0]["target"].ShouldStartWith("'=HYPERLINK"); // a formula is shown, not run, by a spreadsheet
    }

    [Fact]
    public async Task AuditCsv_MoreThanOneStorePage_EveryEntryOnce()
    {
        var client = await SignedInAsync("admin");
        for (var i = 0; i < 1_100; i++)
            await Store.Audit.AppendAuditAsync(new NewAuditEntry("bulk", AuditActions.MessageUpload, $"m{i}", null, $"c{i}"), T0.AddSeconds(i), default);

        var rows = ReadCsv(await client.GetStringAsync("/api/admin/audit.csv?user=bulk"));

        rows.Count.ShouldBe(1_100);
        rows.Select(r => r["target"]).Distinct().Count().ShouldBe(1_100);
        rows[0]["target"].ShouldBe("m1099");
    }

    [Fact]
    public async Task AuditCsv_FromAfterTo_IsAValidationProblem()
    {
        var client = await SignedInAsync("admin");

        using var response = await client.GetAsync("/api/admin/audit.csv?from=2026-11-05T00:00:00Z&to=2026-11-01T00:00:00Z");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("on or before");
    }

    [Fact]
    public async Task UsageCsv_Range_HasTheInboundAndOutboundRowsOfThoseDays()
    {
        var client = await SignedInAsync("admin");
        var day = DateOnly.FromDateTime(T0.UtcDateTime);
        await Store.Usage.RecordOutboundEventAsync(new OutboundEvent("m1", OutboundEventType.Send, T0, "mr-s1", null, null, 1), "s1", default);
        await Store.Usage.RecordOutboundEventAsync(new OutboundEvent("m1", OutboundEventType.Bounce, T0, "mr-s1", null, null, 1), "s1", default);
        await Store.Usage.RecordOutboundEventAsync(new OutboundEvent("m2", OutboundEventType.Send, T0.AddDays(5), "mr-s1", null, null, 1), "s1", default);

        var text = await client.GetStringAsync($"/api/admin/usage.csv?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldBe(["kind,day,id,received,delivered,queued,failed,sends,deliveries,bounces,complaints", "outbound,2026-11-02,s1,,,,,1,0,1,0"]);
    }

    [Fact]
    public async Task Usage_FirstDayAfterLastDay_IsAValidationProblem()
    {
        var client = await SignedInAsync("admin");

        using var response = await client.GetAsync("/api/admin/usage.csv?from=2026-11-05&to=2026-11-01");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("first day must be on or before the last day");
    }

    [Fact]
    public void AuditLog_NoEndpointChangesOrRemovesEntries()
    {
        _factory.CreateClient().Dispose();
        var endpoints = _factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("audit", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();

        endpoints.ShouldNotBeEmpty();
        endpoints.SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            .ShouldNotContain(m => m == "DELETE" || m == "PUT" || m == "PATCH");
        endpoints.Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods).Distinct().ShouldBe(["GET"]);
    }
}
