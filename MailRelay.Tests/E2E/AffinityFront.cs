using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace MailRelay.Tests.E2E;

/// <summary>
/// A reverse proxy on loopback in front of several app instances, as an Application Load Balancer
/// with stickiness is in front of ECS tasks: a browser's first request goes to the first instance
/// by name (so a test knows where a new session lands), and a cookie keeps every later request of
/// that browser, WebSockets included, on the same instance. Like the load balancer it checks
/// <c>/healthz</c> every second; an instance that fails three checks in a row (a dead one refuses
/// at once; a busy one has 10 s to answer) gets no more requests, and its browsers go to another one. It passes the browser's Host on, so the app's absolute URLs
/// (sign-in and consent callbacks) point back at the proxy.
/// </summary>
public sealed class AffinityFront : IAsyncDisposable
{
    /// <summary>YARP's session affinity cookie.</summary>
    public const string AffinityCookie = ".MailRelay.Instance";

    private readonly WebApplication _proxy;
    private readonly ConcurrentDictionary<string, int> _requests;

    private AffinityFront(WebApplication proxy, ConcurrentDictionary<string, int> requests, string baseUrl)
    {
        _proxy = proxy;
        _requests = requests;
        BaseUrl = baseUrl;
    }

    /// <summary>Where browsers connect, without a trailing slash: <c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>How many requests the front sent to the instance named <paramref name="instance"/>.</summary>
    public int RequestsTo(string instance) => _requests.GetValueOrDefault(instance);

    /// <param name="instances">Each instance's name and base URL; new sessions go to the first name in ordinal order.</param>
    public static async Task<AffinityFront> StartAsync(IReadOnlyDictionary<string, string> instances)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddReverseProxy().LoadFromMemory(
            [
                new RouteConfig
                {
                    RouteId = "app",
                    ClusterId = "instances",
                    Match = new RouteMatch { Path = "{**rest}" },
                    Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
                },
            ],
            [
                new ClusterConfig
                {
                    ClusterId = "instances",
                    LoadBalancingPolicy = "FirstAlphabetical",
                    SessionAffinity = new SessionAffinityConfig { Enabled = true, Policy = "Cookie", FailurePolicy = "Redistribute", AffinityKeyName = AffinityCookie },
                    Metadata = new Dictionary<string, string> { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "3" },
                    HealthCheck = new HealthCheckConfig
                    {
                        Active = new ActiveHealthCheckConfig
                        {
                            Enabled = true, Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(10), Policy = "ConsecutiveFailures", Path = "/healthz",
                        },
                    },
                    Destinations = instances.ToDictionary(i => i.Key, i => new DestinationConfig { Address = i.Value }),
                },
            ]);
        var proxy = builder.Build();
        var requests = new ConcurrentDictionary<string, int>();
        proxy.MapReverseProxy(pipeline =>
        {
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            // After load balancing one destination is left: the instance this request goes to.
            pipeline.Use((context, next) =>
            {
                foreach (var destination in context.Features.Get<IReverseProxyFeature>()!.AvailableDestinations)
                    requests.AddOrUpdate(destination.DestinationId, 1, (_, n) => n + 1);
                return next();
            });
        });
        await proxy.StartAsync();
        var address = proxy.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AffinityFront(proxy, requests, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.StopAsync();
        await _proxy.DisposeAsync();
    }
}
