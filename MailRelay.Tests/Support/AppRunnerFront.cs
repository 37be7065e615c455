using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace MailRelay.Tests.Support;

/// <summary>
/// A reverse proxy on loopback that behaves like App Runner's front where it matters to Blazor
/// Server: HTTP/1.0 and 1.1 only, WebSocket upgrades refused (403, nothing forwarded), every request
/// cut at <see cref="RequestCap"/> (504 if the app has not answered yet, else the connection is
/// dropped mid-response), and no affinity (no stickiness cookie; any browser request may reach the
/// app over any pooled upstream connection). YARP's forwarder does the HTTP/1.1 streaming, which
/// long polling and Server-Sent Events need unbuffered.
/// </summary>
public sealed class AppRunnerFront : IAsyncDisposable
{
    private readonly WebApplication _proxy;
    private readonly HttpMessageInvoker _upstream;
    private int _requests;
    private int _refusedUpgrades;
    private int _cutRequests;

    private AppRunnerFront(WebApplication proxy, HttpMessageInvoker upstream, string baseUrl, TimeSpan requestCap)
    {
        _proxy = proxy;
        _upstream = upstream;
        BaseUrl = baseUrl;
        RequestCap = requestCap;
    }

    /// <summary>Where browsers connect, without a trailing slash: <c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>How long any request may take before the front cuts it (App Runner: 120 s).</summary>
    public TimeSpan RequestCap { get; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>WebSocket upgrade requests answered 403.</summary>
    public int RefusedUpgrades => Volatile.Read(ref _refusedUpgrades);

    /// <summary>Requests still running at <see cref="RequestCap"/>, and cut.</summary>
    public int CutRequests => Volatile.Read(ref _cutRequests);

    public static async Task<AppRunnerFront> StartAsync(string appBaseUrl, TimeSpan requestCap)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(e => e.Protocols = HttpProtocols.Http1));
        builder.Services.AddHttpForwarder();
        var proxy = builder.Build();
        var upstream = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        });
        var forwarder = proxy.Services.GetRequiredService<IHttpForwarder>();
        // The pipeline is built at start, before the port (and so the front) is known.
        AppRunnerFront? front = null;
        proxy.Run(context => front!.ForwardAsync(context, forwarder, appBaseUrl));
        await proxy.StartAsync();
        var address = proxy.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        front = new AppRunnerFront(proxy, upstream, address.TrimEnd('/'), requestCap);
        return front;
    }

    private async Task ForwardAsync(HttpContext context, IHttpForwarder forwarder, string appBaseUrl)
    {
        Interlocked.Increment(ref _requests);
        if (context.Request.Headers.Upgrade.Any(u => u?.Contains("websocket", StringComparison.OrdinalIgnoreCase) == true))
        {
            Interlocked.Increment(ref _refusedUpgrades);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        using var cap = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        cap.CancelAfter(RequestCap);
        // The cap, not YARP's idle timeout (100 s by default), decides when a quiet request ends.
        var config = new ForwarderRequestConfig { ActivityTimeout = RequestCap + TimeSpan.FromMinutes(1), Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionOrLower };
        await forwarder.SendAsync(context, appBaseUrl, _upstream, config, KeepHostTransformer.Instance, cap.Token);
        if (!cap.IsCancellationRequested || context.RequestAborted.IsCancellationRequested) return;

        Interlocked.Increment(ref _cutRequests);
        if (context.Response.HasStarted) context.Abort();
        else context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.StopAsync();
        await _proxy.DisposeAsync();
        _upstream.Dispose();
    }

    /// <summary>
    /// Sends the browser's Host on, as App Runner does: the app builds absolute URLs from it (the
    /// Gmail consent redirect URI), which must point back at the front, not at the app's own port.
    /// </summary>
    private sealed class KeepHostTransformer : HttpTransformer
    {
        public static readonly KeepHostTransformer Instance = new();

        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await Default.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            proxyRequest.Headers.Host = httpContext.Request.Host.Value;
        }
    }
}
