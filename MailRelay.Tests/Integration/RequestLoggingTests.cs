using System.Diagnostics;
using System.Net;
using MailRelay.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace MailRelay.Tests.Integration;

/// <summary>The app's Serilog pipeline: one line per request, carrying the request's trace id, levels from the <c>Serilog</c> section.</summary>
public sealed class RequestLoggingTests : IAsyncLifetime
{
    private readonly MailRelayFactory _factory = new();
    private readonly CapturingLogEventSink _sink = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private HttpClient CreateClient() =>
        _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(_sink))).CreateClient();

    private IEnumerable<LogEvent> RequestEvents(string path) =>
        _sink.Events.Where(e => e.Properties.TryGetValue("RequestPath", out var p) && p is ScalarValue { Value: string value } && value == path);

    [Fact]
    public async Task Request_WithTraceparent_IsLoggedOnceWithItsTraceIdAndStatus()
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var line = RequestEvents("/healthz").ShouldHaveSingleItem();
        line.Level.ShouldBe(LogEventLevel.Information);
        line.TraceId.ShouldBe(traceId);
        line.Properties["StatusCode"].ToString().ShouldBe("200");
    }

    [Fact]
    public async Task Request_SerilogSectionRaisesTheMiddlewaresLevel_IsNotLogged()
    {
        _factory.Settings["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning";
        // Named too because the test host hands settings over so that Serilog:MinimumLevel reads as an
        // empty level when only an override is given (a real command line does not).
        _factory.Settings["Serilog:MinimumLevel:Default"] = "Information";
        using var client = CreateClient();

        using var response = await client.GetAsync("/healthz");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        RequestEvents("/healthz").ShouldBeEmpty();
        _sink.Events.ShouldNotBeEmpty("other events still reach the sink");
    }
}
