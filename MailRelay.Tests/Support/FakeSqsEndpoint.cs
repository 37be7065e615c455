using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SQS;
using MailRelay.Core.Infrastructure.Aws;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MailRelay.Tests.Support;

/// <summary>
/// An in-process SQS on 127.0.0.1 (Kestrel) speaking the AWS JSON 1.0 protocol that AWSSDK.SQS uses:
/// <c>POST /</c> with <c>X-Amz-Target: AmazonSQS.{Operation}</c> and a JSON body naming the
/// <c>QueueUrl</c>. It serves <see cref="Queue"/> and its <see cref="DeadLetterQueue"/>, answers
/// other queue URLs with <c>QueueDoesNotExist</c>, refuses requests whose SigV4 signature does not
/// verify against <see cref="Credentials"/>, and records every request as it arrived.
/// </summary>
public sealed class FakeSqsEndpoint : IAsyncDisposable
{
    public const string Region = "us-east-1";
    public const string QueueUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/mailrelay-inbound";
    public static readonly ImmutableCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token-example");

    private LoopbackHost _host = null!;
    private readonly ConcurrentQueue<FakeSqsRequest> _requests = new();
    private readonly ConcurrentBag<IDisposable> _clients = [];
    private int _requestCount;

    private FakeSqsEndpoint(string queueUrl, TimeProvider time) =>
        Queue = new FakeSqsQueue(queueUrl, time, new FakeSqsQueue($"{queueUrl}-dlq", time));

    public FakeSqsQueue Queue { get; }

    public FakeSqsQueue DeadLetterQueue => Queue.DeadLetterQueue!;

    /// <summary>Answers instead of the queues when it returns a reply (faults, throttling, a gateway's page); null passes the request on.</summary>
    public Func<FakeSqsRequest, FakeSqsReply?>? Fault { get; set; }

    public Uri Url => _host.Url;

    public IReadOnlyList<FakeSqsRequest> Requests => [.. _requests];

    /// <param name="time">The clock the queues measure visibility timeouts on; the system clock by default.</param>
    public static async Task<FakeSqsEndpoint> StartAsync(TimeProvider? time = null, string queueUrl = QueueUrl)
    {
        var endpoint = new FakeSqsEndpoint(queueUrl, time ?? TimeProvider.System);
        endpoint._host = await LoopbackHost.StartAsync(app => app.Run(endpoint.HandleAsync));
        return endpoint;
    }

    /// <summary>The SDK client as the app builds it, pointed here; disposed with the endpoint.</summary>
    public IAmazonSQS CreateClient(AWSCredentials? credentials = null)
    {
        var client = SqsRegistration.CreateClient(Region, Url.ToString(), SqsQueue.MaxWaitTimeSeconds,
            credentials ?? new SessionAWSCredentials(Credentials.AccessKey, Credentials.SecretKey, Credentials.Token));
        _clients.Add(client);
        return client;
    }

    /// <summary>The adapter for <see cref="Queue"/> through a new SDK client.</summary>
    public SqsQueue CreateQueue(AWSCredentials? credentials = null) => new(CreateClient(credentials), Queue.Url);

    private async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, context.RequestAborted);
        var raw = buffer.ToArray();
        var target = http.Headers["X-Amz-Target"].ToString();
        var body = ParseBody(raw);
        var request = new FakeSqsRequest(http.Method, http.Path.Value ?? "", http.ContentType,
            target.StartsWith("AmazonSQS.", StringComparison.Ordinal) ? target["AmazonSQS.".Length..] : "",
            body ?? [], $"fake-sqs-{Interlocked.Increment(ref _requestCount):D4}",
            FakeSqsSignature.Problem(http, raw, Credentials, Region), http.Headers["X-Amz-Security-Token"].FirstOrDefault());
        _requests.Enqueue(request);

        var reply = Fault?.Invoke(request) ?? Refusal(request, target, body) ?? await RouteAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)reply.Status;
        context.Response.ContentType = reply.ContentType;
        context.Response.Headers["x-amzn-RequestId"] = request.RequestId;
        if (reply.QueryError is { } queryError) context.Response.Headers["x-amzn-query-error"] = queryError;
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    /// <summary>What SQS refuses before looking at the queue: another protocol, a bad body, a bad signature or token.</summary>
    private static FakeSqsReply? Refusal(FakeSqsRequest request, string target, JsonObject? body)
    {
        if (request.Method != "POST" || request.Operation.Length == 0) return FakeSqsReply.UnknownOperation(target);
        if (!(request.ContentType ?? "").StartsWith(FakeSqsReply.JsonContentType, StringComparison.Ordinal))
            return FakeSqsReply.Serialization($"Content-Type '{request.ContentType}' is not {FakeSqsReply.JsonContentType}.");
        if (body is null) return FakeSqsReply.Serialization("The body is not a JSON object.");
        if (request.SecurityToken is { } token && token != Credentials.Token) return FakeSqsReply.UnrecognizedClient();
        return request.SignatureProblem is { } problem ? FakeSqsReply.InvalidSignature(problem) : null;
    }

    private Task<FakeSqsReply> RouteAsync(FakeSqsRequest request, CancellationToken cancellationToken)
    {
        var queue = new[] { Queue, DeadLetterQueue }.FirstOrDefault(q => q.Url == request.QueueUrl);
        return queue is null ? Task.FromResult(FakeSqsReply.QueueDoesNotExist()) : queue.HandleAsync(request, cancellationToken);
    }

    private static JsonObject? ParseBody(byte[] raw)
    {
        if (raw.Length == 0) return [];
        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetString(raw)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        foreach (var client in _clients) client.Dispose();
    }
}
