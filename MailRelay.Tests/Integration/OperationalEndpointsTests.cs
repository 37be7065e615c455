using System.Net;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Integration;

public sealed class OperationalEndpointsTests : IAsyncLifetime
{
    private readonly MailRelayFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Healthz_Anonymous_Answers200()
    {
        using var response = await _factory.CreateBrowserLikeClient().GetAsync("/healthz");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Readyz_StoreReachable_Answers200()
    {
        using var response = await _factory.CreateBrowserLikeClient().GetAsync("/readyz");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        File.Exists(Path.Combine(_factory.DataDirectory, "mailrelay.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task Readyz_StoreFileUnreadable_Answers503()
    {
        var client = _factory.CreateBrowserLikeClient();
        (await client.GetAsync("/readyz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var db = Path.Combine(_factory.DataDirectory, "mailrelay.db");
        foreach (var file in Directory.GetFiles(_factory.DataDirectory, "mailrelay.db*")) File.Delete(file);
        await File.WriteAllTextAsync(db, "this is not a database");

        using var response = await client.GetAsync("/readyz");
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task AnyPage_CarriesSecurityHeaders()
    {
        using var response = await _factory.CreateBrowserLikeClient().GetAsync("/account/signin");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-eval");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
    }

    [Fact]
    public async Task UnknownPath_ShowsNotFoundPageWith404()
    {
        using var response = await _factory.CreateBrowserLikeClient().GetAsync("/no/such/page");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [Fact]
    public async Task StaticAssets_AreNotShadowedByTheNotFoundPage()
    {
        using var response = await _factory.CreateBrowserLikeClient().GetAsync("/app.css");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
    }
}
