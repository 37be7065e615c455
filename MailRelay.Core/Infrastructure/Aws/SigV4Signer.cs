using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;

namespace MailRelay.Core.Infrastructure.Aws;

/// <summary>
/// AWS Signature Version 4 over the <c>Authorization</c> header, for the small AWS client that
/// has no SDK in our registry (IAM). Verified against AWS's published test suite.
/// The signing time is always passed in: the signer never reads the clock.
/// </summary>
/// <param name="signSessionToken">
/// True (the default, and what IAM expects): <c>X-Amz-Security-Token</c> is part of the
/// signature. False: it is added after signing, as a few services require.
/// </param>
public sealed class SigV4Signer(string service, string region, bool signSessionToken = true)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    private const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    // Hop-by-hop headers and headers that proxies and handlers rewrite are never signed. Content-Length
    // neither: HttpContent sets it once the body is read, and the payload hash already covers the body.
    private static readonly HashSet<string> Unsignable = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "connection", "content-length", "expect", "keep-alive", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    };

    public string Service { get; } = !string.IsNullOrWhiteSpace(service) ? service : throw new ArgumentException("A service name is required.", nameof(service));

    public string Region { get; } = !string.IsNullOrWhiteSpace(region) ? region : throw new ArgumentException("A region is required.", nameof(region));

    private bool IsS3 => Service == "s3";

    /// <summary>
    /// Signs the request in place: sets <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> (temporary
    /// credentials), <c>X-Amz-Content-Sha256</c> (S3 only) and <c>Authorization</c>. The content is
    /// buffered to hash it. Every header already on the request is signed, except hop-by-hop ones.
    /// </summary>
    public async Task<SigV4Signature> SignAsync(HttpRequestMessage request, ImmutableCredentials credentials, DateTimeOffset signingTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = request.RequestUri is { IsAbsoluteUri: true } absolute ? absolute : throw new ArgumentException("The request needs an absolute URI.", nameof(request));

        var payload = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var payloadHash = payload.Length == 0 ? EmptyPayloadHash : Hex(SHA256.HashData(payload));

        var headers = request.Headers;
        headers.Remove("Authorization");
        headers.Remove("X-Amz-Date");
        headers.TryAddWithoutValidation("X-Amz-Date", AmzDate(signingTime));
        headers.Remove("X-Amz-Security-Token");
        if (credentials.UseToken && signSessionToken) headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.Token);
        if (IsS3)
        {
            headers.Remove("X-Amz-Content-Sha256");
            headers.TryAddWithoutValidation("X-Amz-Content-Sha256", payloadHash);
        }

        var toSign = new List<KeyValuePair<string, string>>();
        if (headers.Host is null) toSign.Add(new("host", uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}"));
        AddRaw(toSign, headers.NonValidated);
        if (request.Content is not null) AddRaw(toSign, request.Content.Headers.NonValidated);

        var signature = Compute(new SigV4Request(request.Method.Method, uri.AbsolutePath, uri.Query, toSign, payloadHash), credentials, signingTime);
        headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        if (credentials.UseToken && !signSessionToken) headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.Token);
        return signature;
    }

    private static void AddRaw(List<KeyValuePair<string, string>> target, HttpHeadersNonValidated headers)
    {
        foreach (var (name, values) in headers)
        {
            if (Unsignable.Contains(name)) continue;
            foreach (var value in values) target.Add(new(name, value));
        }
    }

    /// <summary>Canonical request, string to sign and signature of a request whose headers already carry the date (and token, when signed).</summary>
    internal SigV4Signature Compute(SigV4Request request, ImmutableCredentials credentials, DateTimeOffset signingTime)
    {
        var amzDate = AmzDate(signingTime);
        var date = amzDate[..8];
        var scope = $"{date}/{Region}/{Service}/aws4_request";

        var (canonicalHeaders, signedHeaders) = SigV4Canonical.Headers(request.Headers);
        var canonicalRequest = string.Join('\n',
            request.Method.ToUpperInvariant(),
            SigV4Canonical.Path(request.Path, IsS3),
            SigV4Canonical.Query(request.Query),
            canonicalHeaders,
            signedHeaders,
            request.PayloadHash);
        var stringToSign = string.Join('\n', Algorithm, amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretKey), date);
        key = Hmac(key, Region);
        key = Hmac(key, Service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));

        var authorization = $"{Algorithm} Credential={credentials.AccessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new SigV4Signature(canonicalRequest, stringToSign, signedHeaders, signature, authorization);
    }

    internal static string AmzDate(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
