using System.Net;
using Amazon.Runtime;

namespace MailRelay.Core.Infrastructure.Aws;

/// <summary>
/// The HttpClient of an AWS SDK client that lives as long as the process (the SQS pollers): pooled
/// connections are closed after <paramref name="pooledConnectionLifetime"/>, so a DNS change of the
/// endpoint is seen. The SDK's own handler would keep a connection for ever.
/// </summary>
public sealed class RecyclingHttpClientFactory(TimeSpan pooledConnectionLifetime) : HttpClientFactory
{
    public TimeSpan PooledConnectionLifetime { get; } = pooledConnectionLifetime;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = PooledConnectionLifetime,
            // As the SDK's own handler: the SDK follows no redirect of a POST and reads Content-Encoding itself.
            AllowAutoRedirect = clientConfig.AllowAutoRedirect,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (clientConfig.MaxConnectionsPerServer is { } max) handler.MaxConnectionsPerServer = max;
        var http = new HttpClient(handler);
        if (clientConfig.Timeout is { } timeout) http.Timeout = timeout;
        return http;
    }
}
