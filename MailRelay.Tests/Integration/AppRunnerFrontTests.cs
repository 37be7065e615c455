using System.Net;
using MailRelay.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MailRelay.Tests.Integration;

/// <summary>The test stand-in for App Runner's front does what the browser test relies on.</summary>
public sealed class AppRunnerFrontTests : IAsyncLifetime
{
    private LoopbackHost _app = null!;
    private AppRunnerFront _front = null!;
    private readonly HttpClient _client = new();

    /// <summary>Long enough for a cold first request on a loaded 2-core machine (1 s was not), short enough to wait out.</summary>
    private static readonly TimeSpan CapForTests = TimeSpan.FromSeconds(5);

    public async Task InitializeAsync()
    {
        _app = await LoopbackHost.StartAsync(app =>
        {
            app.MapGet("/host", (HttpRequest request) => request.Host.Value);
            app.MapGet("/slow", async (CancellationToken cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(60), cancellationToken);
                return "late";
            });
        });
        _front = await AppRunnerFront.StartAsync(_app.Url.ToString().TrimEnd('/'), CapForTests);
    }

    [Fact]
    public async Task Forward_PlainRequest_ReachesAppWithBrowsersHost()
    {
        var host = await _client.GetStringAsync($"{_front.BaseUrl}/host");
        host.ShouldBe(new Uri(_front.BaseUrl).Authority);
    }

    [Fact]
    public async Task Forward_RequestLongerThanCap_IsCut504()
    {
        using var response = await _client.GetAsync($"{_front.BaseUrl}/slow");
        response.StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout);
        _front.CutRequests.ShouldBe(1);
    }

    [Fact]
    public async Task Forward_WebSocketUpgrade_IsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_front.BaseUrl}/host");
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(new byte[16]));
        using var response = await _client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        _front.RefusedUpgrades.ShouldBe(1);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _front.DisposeAsync();
        await _app.DisposeAsync();
    }
}
