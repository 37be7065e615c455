using System.Globalization;
using System.Security.Cryptography;
using Amazon.Runtime;
using MailRelay.Core.Infrastructure.Aws;
using Microsoft.AspNetCore.Http;

namespace MailRelay.Tests.Support;

/// <summary>
/// Verifies a request's SigV4 signature as SQS would: recomputed from the request as it arrived
/// (the headers it names, the body it carried) with the known secret, for the sqs service and region.
/// </summary>
public static class FakeSqsSignature
{
    private const string Prefix = "AWS4-HMAC-SHA256 Credential=";

    /// <summary>Null when the signature verifies; otherwise what is wrong with it.</summary>
    public static string? Problem(HttpRequest request, byte[] body, ImmutableCredentials credentials, string region)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(Prefix, StringComparison.Ordinal)) return "no SigV4 Authorization header";
        var parts = authorization[Prefix.Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p.Length == 1 ? "Credential" : p[0], p => p[^1]);
        if (!parts.TryGetValue("SignedHeaders", out var signedHeaders) || !parts.TryGetValue("Signature", out var signature)) return "an incomplete Authorization header";
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
            return $"X-Amz-Date '{amzDate}' is not a SigV4 time";
        var expectedScope = $"{credentials.AccessKey}/{amzDate[..8]}/{region}/sqs/aws4_request";
        if (parts["Credential"] != expectedScope) return $"credential scope {parts["Credential"]}, expected {expectedScope}";

        var headers = signedHeaders.Split(';')
            .Select(name => new KeyValuePair<string, string>(name, name == "host" ? request.Host.Value! : request.Headers[name].ToString()))
            .ToList();
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var sent = new SigV4Request(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", headers, payloadHash);
        var expected = new SigV4Signer("sqs", region).Compute(sent, credentials, signedAt);
        return expected.Signature == signature ? null : $"signature {signature} does not match {expected.Signature}";
    }
}
