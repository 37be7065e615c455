using System.Net;
using Amazon.Runtime;
using MailRelay.Core.Adapters.Aws;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace MailRelay.Tests.Support;

/// <summary>
/// A tiny SQS query-protocol endpoint on 127.0.0.1 (Kestrel; ASP.NET's TestServer is not in our
/// registry). It records each request, checks its SigV4 signature against what actually arrived on
/// the wire, and answers with whatever <see cref="Respond"/> returns.
/// </summary>
public sealed class FakeSqsEndpoint : IAsyncDisposable
{
    public const string Region = "us-east-1";
    public const string QueueUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/mailrelay-inbound";
    public static readonly ImmutableCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token-example");

    private LoopbackHost _host = null!;
    private readonly List<Received> _requests = [];

    /// <summary>What one request looked like when it arrived.</summary>
    public sealed record Received(string Method, string Path, string? ContentType, IReadOnlyDictionary<string, string> Form, string? SignatureProblem, string? SecurityToken);

    /// <summary>Status and XML body for a request; the default is an empty success for its action.</summary>
    public Func<Received, (HttpStatusCode Status, string Xml)> Respond { get; set; } = r => (HttpStatusCode.OK, Ok(r.Form["Action"], ""));

    public Uri Url => _host.Url;

    public IReadOnlyList<Received> Requests { get { lock (_requests) return [.. _requests]; } }

    public static async Task<FakeSqsEndpoint> StartAsync()
    {
        var endpoint = new FakeSqsEndpoint();
        endpoint._host = await LoopbackHost.StartAsync(app => app.Run(endpoint.HandleAsync));
        return endpoint;
    }

    /// <summary>Serves a real queue from now on (visibility timeouts, redelivery, dead letters) instead of canned answers.</summary>
    public FakeSqsQueue UseQueue(TimeProvider time)
    {
        var queue = new FakeSqsQueue(time);
        Respond = queue.Respond;
        return queue;
    }

    public SqsQueryClient CreateClient(TimeProvider? time = null) =>
        new(new HttpClient(), new Uri(QueueUrl), Region, new SessionAWSCredentials(Credentials.AccessKey, Credentials.SecretKey, Credentials.Token), time ?? TimeProvider.System, Url);

    /// <summary>A successful <c>{Action}Response</c> in the SQS namespace.</summary>
    public static string Ok(string action, string result) =>
        $"""<?xml version="1.0"?><{action}Response xmlns="http://queue.amazonaws.com/doc/2012-11-05/">{(result.Length > 0 ? $"<{action}Result>{result}</{action}Result>" : "")}<ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000001</RequestId></ResponseMetadata></{action}Response>""";

    /// <summary>An SQS <c>ErrorResponse</c>.</summary>
    public static string Error(string type, string code, string message) =>
        $"""<?xml version="1.0"?><ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><Error><Type>{type}</Type><Code>{code}</Code><Message>{message}</Message><Detail/></Error><RequestId>00000000-0000-0000-0000-000000000002</RequestId></ErrorResponse>""";

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var form = QueryHelpers.ParseQuery(body).ToDictionary(p => p.Key, p => p.Value.ToString());
        var received = new Received(request.Method, request.Path.Value ?? "", request.ContentType, form, CheckSignature(request, body), request.Headers["X-Amz-Security-Token"].FirstOrDefault());
        lock (_requests) _requests.Add(received);

        var (status, xml) = Respond(received);
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "text/xml";
        await context.Response.WriteAsync(xml, context.RequestAborted);
    }

    /// <summary>
    /// Recomputes the signature from the request as it arrived (the headers it names, the body it
    /// carried) and the known secret, as SQS would. Null when it matches.
    /// </summary>
    private static string? CheckSignature(HttpRequest request, string body)
    {
        var authorization = request.Headers.Authorization.ToString();
        const string prefix = "AWS4-HMAC-SHA256 Credential=";
        if (!authorization.StartsWith(prefix, StringComparison.Ordinal)) return "no SigV4 Authorization header";
        var parts = authorization[prefix.Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p.Length == 1 ? "Credential" : p[0], p => p[^1]);
        var credential = parts["Credential"];
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        var expectedScope = $"{Credentials.AccessKey}/{amzDate[..Math.Min(8, amzDate.Length)]}/{Region}/sqs/aws4_request";
        if (credential != expectedScope) return $"credential scope {credential}, expected {expectedScope}";

        var headers = parts["SignedHeaders"].Split(';')
            .Select(name => new KeyValuePair<string, string>(name, name == "host" ? request.Host.Value! : request.Headers[name].ToString()))
            .ToList();
        var payloadHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body))).ToLowerInvariant();
        var sent = new SigV4Request(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", headers, payloadHash);
        var expected = new SigV4Signer("sqs", Region).Compute(sent, Credentials, DateTimeOffset.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal));
        return expected.Signature == parts["Signature"] ? null : $"signature {parts["Signature"]} does not match {expected.Signature}";
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
