using System.Text.Json.Nodes;

namespace MailRelay.Tests.Support;

/// <summary>One call to <see cref="FakeSqsEndpoint"/> as it arrived on the wire.</summary>
/// <param name="Operation">From <c>X-Amz-Target: AmazonSQS.{Operation}</c>; empty when the header was missing or not SQS's.</param>
/// <param name="Body">The JSON body (an empty object when there was none).</param>
/// <param name="RequestId">The <c>x-amzn-RequestId</c> the fake answered with.</param>
/// <param name="SignatureProblem">Why the SigV4 signature does not verify; null when it does.</param>
public sealed record FakeSqsRequest(
    string Method,
    string Path,
    string? ContentType,
    string Operation,
    JsonObject Body,
    string RequestId,
    string? SignatureProblem,
    string? SecurityToken)
{
    public string? QueueUrl => String("QueueUrl");

    public string? String(string name) => Body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public int? Int(string name) => Body[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    public IReadOnlyList<string> Strings(string name) => Body[name] is JsonArray array ? [.. array.Select(item => item!.GetValue<string>())] : [];
}
