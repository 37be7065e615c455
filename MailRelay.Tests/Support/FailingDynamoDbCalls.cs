using Amazon.Runtime;

namespace MailRelay.Tests.Support;

/// <summary>
/// An HTTP client factory for the DynamoDB client that fails the calls a test picks (by operation
/// and a piece of the request body) while <see cref="Armed"/> is true: a crash between two writes.
/// </summary>
public sealed class FailingDynamoDbCalls(string operation, string bodyContains) : HttpClientFactory
{
    private string Operation { get; } = operation;

    private string BodyContains { get; } = bodyContains;

    public bool Armed { get; set; } = true;

    public int Failed { get; private set; }

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Handler(this) { InnerHandler = new SocketsHttpHandler() });

    private sealed class Handler(FailingDynamoDbCalls owner) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (owner.Armed && request.Headers.TryGetValues("X-Amz-Target", out var targets) && targets.Single().EndsWith("." + owner.Operation, StringComparison.Ordinal)
                && request.Content is not null && (await request.Content.ReadAsStringAsync(cancellationToken)).Contains(owner.BodyContains, StringComparison.Ordinal))
            {
                owner.Failed++;
                throw new HttpRequestException("The connection dropped (simulated crash).");
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
