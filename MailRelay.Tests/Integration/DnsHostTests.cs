using System.Net;
using MailRelay.Core.Domains;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>What the app serves for DNS over HTTP: the MTA-STS policy on the policy host only, and the admin zone download.</summary>
public sealed class DnsHostTests : IAsyncLifetime
{
    private readonly MailRelayFactory _factory = new();

    public DnsHostTests()
    {
        _factory.Settings["Dns:Region"] = "eu-west-1";
        _factory.Settings["Dns:MtaStsMode"] = "testing";
        _factory.Settings["Dns:Domains:configured.example:VerificationToken"] = "token-from-terraform";
    }

    public async Task InitializeAsync()
    {
        _factory.CreateClient().Dispose(); // starts the host, so the store exists
        await _factory.Services.GetRequiredService<DomainAdmin>().AddAsync("admin", "Example.com", default);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("mta-sts.example.com")]
    [InlineData("MTA-STS.Example.COM")]
    [InlineData("mta-sts.configured.example")]
    public async Task MtaStsPolicy_PolicyHostOfAKnownDomain_ServedAnonymouslyAsText(string host)
    {
        using var client = _factory.CreateBrowserLikeClient();

        using var response = await client.GetAsync($"http://{host}/.well-known/mta-sts.txt");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsStringAsync()).ShouldBe(
            "version: STSv1\r\nmode: testing\r\nmx: inbound-smtp.eu-west-1.amazonaws.com\r\nmax_age: 604800\r\n");
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("example.com")]
    [InlineData("www.example.com")]
    [InlineData("mta-sts.unknown.example")]
    [InlineData("mta-sts.example.com.evil.example")]
    public async Task MtaStsPolicy_AnyOtherHost_404(string host)
    {
        using var client = _factory.CreateBrowserLikeClient();

        using var response = await client.GetAsync($"http://{host}/.well-known/mta-sts.txt");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MtaStsPolicy_DomainRemoved_NoLongerServed()
    {
        using var client = _factory.CreateBrowserLikeClient();
        await _factory.Services.GetRequiredService<DomainAdmin>().RemoveAsync("admin", "example.com", default);

        using var response = await client.GetAsync("http://mta-sts.example.com/.well-known/mta-sts.txt");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ZoneDownload_Admin_GetsTheDomainsRecordsAsAZoneFile()
    {
        using var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        using var response = await client.GetAsync("/api/admin/dns/zone?domain=example.com");
        using var unknown = await client.GetAsync("/api/admin/dns/zone?domain=unknown.example");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("example.com.zone");
        var zone = await response.Content.ReadAsStringAsync();
        zone.ShouldContain("example.com. 3600 IN MX 10 inbound-smtp.eu-west-1.amazonaws.com.\n");
        zone.ShouldContain("; _amazonses.example.com TXT: configure Dns:Domains:example.com:VerificationToken\n");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ZoneDownload_NonAdmin_403()
    {
        using var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync("alice");

        (await client.GetAsync("/api/admin/dns/zone?domain=example.com")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
