using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailRelay.Benchmarks;

/// <summary>
/// Sits between the app instances and dynalite and adds up the capacity units DynamoDB reports for
/// every call (<c>ConsumedCapacity</c>, whole or per table for batches). It asks for them itself
/// (<c>ReturnConsumedCapacity: TOTAL</c>) when a request does not, so what it counts does not depend
/// on the app asking. dynalite does not check signatures, so changing the body is harmless here.
/// A hand-written forwarder rather than YARP: it must read and change JSON bodies, which a
/// streaming proxy does not.
/// </summary>
public sealed class DynamoDbCapacityMeter : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase) { "Host", "Connection", "Transfer-Encoding", "Content-Length", "Keep-Alive" };

    private readonly WebApplication _proxy;
    private readonly HttpClient _client;
    private long _milliUnits;
    private long _calls;

    private DynamoDbCapacityMeter(WebApplication proxy, HttpClient client)
    {
        _proxy = proxy;
        _client = client;
    }

    /// <summary>Where the instances send their DynamoDB calls: <c>http://127.0.0.1:PORT</c>.</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>Read and write capacity units consumed since the start (or the last <see cref="Reset"/>).</summary>
    public double CapacityUnits => Interlocked.Read(ref _milliUnits) / 1000.0;

    public long Calls => Interlocked.Read(ref _calls);

    public void Reset()
    {
        Interlocked.Exchange(ref _milliUnits, 0);
        Interlocked.Exchange(ref _calls, 0);
    }

    public static async Task<DynamoDbCapacityMeter> StartAsync(string dynamoDbUrl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var proxy = builder.Build();
        var meter = new DynamoDbCapacityMeter(proxy, new HttpClient { BaseAddress = new Uri(dynamoDbUrl), Timeout = TimeSpan.FromMinutes(2) });
        proxy.Run(meter.ForwardAsync);
        await proxy.StartAsync();
        meter.ServiceUrl = proxy.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return meter;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString)
        {
            Content = new ByteArrayContent(AskForCapacity(body.ToArray())),
        };
        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopByHop.Contains(name)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values)) request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }
        using var response = await _client.SendAsync(request, context.RequestAborted);
        var answer = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        Count(answer);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name)) context.Response.Headers[name] = values.ToArray();
        }
        await context.Response.Body.WriteAsync(answer, context.RequestAborted);
    }

    /// <summary>The request with <c>ReturnConsumedCapacity: TOTAL</c> unless it asks for capacity already.</summary>
    private static byte[] AskForCapacity(byte[] json)
    {
        if (json.Length == 0 || JsonNode.Parse(json) is not JsonObject request || request.ContainsKey("ReturnConsumedCapacity")) return json;
        request["ReturnConsumedCapacity"] = "TOTAL";
        return JsonSerializer.SerializeToUtf8Bytes(request);
    }

    private void Count(byte[] json)
    {
        Interlocked.Increment(ref _calls);
        if (json.Length == 0 || JsonNode.Parse(json) is not JsonObject answer || answer["ConsumedCapacity"] is not { } consumed) return;
        var units = consumed is JsonArray tables ? tables.Sum(Units) : Units(consumed);
        Interlocked.Add(ref _milliUnits, (long)Math.Round(units * 1000));
    }

    private static double Units(JsonNode? capacity) => capacity?["CapacityUnits"]?.GetValue<double>() ?? 0;

    public async ValueTask DisposeAsync()
    {
        await _proxy.StopAsync();
        await _proxy.DisposeAsync();
        _client.Dispose();
    }
}
