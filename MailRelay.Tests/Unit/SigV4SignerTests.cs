using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using MailRelay.Core.Infrastructure.Aws;

namespace MailRelay.Tests.Unit;

/// <summary>
/// AWS's published SigV4 test suite (see <c>Fixtures/sigv4/README.md</c>): each <c>.req</c> is
/// parsed, signed, and its canonical request, string to sign and Authorization header compared
/// exactly with the suite's files.
/// </summary>
public class SigV4SignerTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);
    private static readonly string VectorRoot = Path.Combine(AppContext.BaseDirectory, "Fixtures", "sigv4");

    private static IEnumerable<string> VectorNames() =>
        Directory.EnumerateFiles(VectorRoot, "*.req", SearchOption.AllDirectories)
            .Select(req => Path.GetRelativePath(VectorRoot, Path.GetDirectoryName(req)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The vectors whose path can be sent as written (see <see cref="SendableVectors"/>).</summary>
    private static IEnumerable<string> SendableVectorNames() =>
        VectorNames().Where(vector => !SuiteVector.Load(vector).Path.Any(c => c is <= ' ' or > '~'));

    public static TheoryData<string> Vectors() => new(VectorNames());

    /// <summary>
    /// The vectors whose path can be sent as written. <c>get-space</c> and <c>get-utf8</c> have a
    /// space or non-ASCII in the request-target, which HttpClient would percent-encode first (see
    /// the fixtures' README); their query-only cousins are fine, the query is decoded anyway.
    /// </summary>
    public static TheoryData<string> SendableVectors() => new(SendableVectorNames());

    [Fact]
    public void Vectors_FixtureFolder_HoldsTheSuiteCases() => VectorNames().Count().ShouldBeGreaterThanOrEqualTo(27);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Compute_SuiteVector_MatchesCanonicalRequestStringToSignAndAuthorization(string vector)
    {
        var suite = SuiteVector.Load(vector);
        var request = new SigV4Request(suite.Method, suite.Path, suite.Query, suite.Headers, Hex(SHA256.HashData(suite.Body)));

        var signature = new SigV4Signer("service", "us-east-1").Compute(request, suite.Credentials, SuiteTime);

        suite.AssertMatches(signature);
    }

    [Fact]
    public void SendableVectors_LeaveOutOnlyTheUnsendablePaths() =>
        VectorNames().Except(SendableVectorNames()).ShouldBe(["get-space", "get-utf8"], ignoreOrder: true);

    [Theory]
    [MemberData(nameof(SendableVectors))]
    public async Task SignAsync_SuiteVectorAsHttpRequestMessage_MatchesAndSetsHeaders(string vector)
    {
        var suite = SuiteVector.Load(vector);
        using var message = suite.ToHttpRequestMessage();
        var signer = new SigV4Signer("service", "us-east-1", signSessionToken: suite.SignsToken);

        var signature = await signer.SignAsync(message, suite.Credentials, SuiteTime, CancellationToken.None);

        suite.AssertMatches(signature);
        Header(message, "Authorization").ShouldBe(suite.Authorization);
        Header(message, "X-Amz-Date").ShouldBe("20150830T123600Z");
        foreach (var (name, value) in suite.SignedRequestHeaders) Header(message, name).ShouldBe(value);
    }

    [Fact]
    public async Task SignAsync_PathWithSpaceForNonS3Service_DoubleEncodesTheSentPath()
    {
        // AWS's documented IAM example: "/documents and settings/" signs as "/documents%2520and%2520settings/".
        using var message = new HttpRequestMessage(HttpMethod.Get, "https://iam.amazonaws.com/documents and settings/");

        var signature = await new SigV4Signer("iam", "us-east-1").SignAsync(message, new ImmutableCredentials(AccessKey, SecretKey, null), SuiteTime, CancellationToken.None);

        signature.CanonicalRequest.Split('\n')[1].ShouldBe("/documents%2520and%2520settings/");
    }

    [Fact]
    public async Task SignAsync_S3_EncodesThePathOnceAndSendsThePayloadHash()
    {
        using var message = new HttpRequestMessage(HttpMethod.Put, "https://bucket.s3.amazonaws.com/inbound/a b") { Content = new ByteArrayContent("hello"u8.ToArray()) };

        var signature = await new SigV4Signer("s3", "us-east-1").SignAsync(message, new ImmutableCredentials(AccessKey, SecretKey, null), SuiteTime, CancellationToken.None);

        var lines = signature.CanonicalRequest.Split('\n');
        lines[1].ShouldBe("/inbound/a%20b");
        Header(message, "X-Amz-Content-Sha256").ShouldBe("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        signature.SignedHeaders.ShouldBe("host;x-amz-content-sha256;x-amz-date");
    }

    [Fact]
    public async Task SignAsync_SessionToken_IsSentAndSigned()
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "https://sqs.eu-west-1.amazonaws.com/");

        var signature = await new SigV4Signer("sqs", "eu-west-1").SignAsync(message, new ImmutableCredentials(AccessKey, SecretKey, "the-token"), SuiteTime, CancellationToken.None);

        Header(message, "X-Amz-Security-Token").ShouldBe("the-token");
        signature.SignedHeaders.ShouldBe("host;x-amz-date;x-amz-security-token");
        signature.Authorization.ShouldStartWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/sqs/aws4_request, ");
    }

    [Fact]
    public async Task SignAsync_SignedTwice_ReplacesDateAndAuthorizationAndSkipsUserAgent()
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com:8443/");
        message.Headers.UserAgent.ParseAdd("MailRelay/1.0");
        var signer = new SigV4Signer("service", "us-east-1");
        var credentials = new ImmutableCredentials(AccessKey, SecretKey, null);

        await signer.SignAsync(message, credentials, SuiteTime, CancellationToken.None);
        var later = await signer.SignAsync(message, credentials, SuiteTime.AddHours(1).ToOffset(TimeSpan.FromHours(2)), CancellationToken.None);

        message.Headers.GetValues("Authorization").ShouldHaveSingleItem().ShouldBe(later.Authorization);
        Header(message, "X-Amz-Date").ShouldBe("20150830T133600Z");
        later.CanonicalRequest.ShouldContain("host:example.amazonaws.com:8443\n");
        later.SignedHeaders.ShouldBe("host;x-amz-date");
    }

    private static string Header(HttpRequestMessage message, string name) =>
        message.Headers.NonValidated.TryGetValues(name, out var values) ? string.Join(",", values) : throw new ShouldAssertException($"{name} is not set");

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    /// <summary>One folder of the suite: the parsed <c>.req</c> and the expected files that exist.</summary>
    private sealed record SuiteVector(
        string Name,
        string Method,
        string Path,
        string Query,
        IReadOnlyList<KeyValuePair<string, string>> Headers,
        byte[] Body,
        string? CanonicalRequest,
        string? StringToSign,
        string Authorization,
        IReadOnlyList<KeyValuePair<string, string>> SignedRequestHeaders,
        ImmutableCredentials Credentials,
        bool SignsToken)
    {
        public static SuiteVector Load(string vector)
        {
            var folder = System.IO.Path.Combine(VectorRoot, vector);
            var name = System.IO.Path.GetFileName(folder);
            string? Read(string ext) => File.Exists(System.IO.Path.Combine(folder, $"{name}.{ext}")) ? File.ReadAllText(System.IO.Path.Combine(folder, $"{name}.{ext}"), Encoding.UTF8) : null;

            var (method, target, headers, body) = ParseRequest(Read("req")!);
            var queryAt = target.IndexOf('?');
            var signedRequest = Read("sreq") is { } sreq ? ParseRequest(sreq).Headers : [];
            var token = headers.Concat(signedRequest).FirstOrDefault(h => h.Key.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase)).Value;
            return new SuiteVector(
                name, method,
                queryAt < 0 ? target : target[..queryAt],
                queryAt < 0 ? "" : target[(queryAt + 1)..],
                headers, Encoding.UTF8.GetBytes(body),
                Read("creq"), Read("sts"), Read("authz")!,
                signedRequest.Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).ToList(),
                new ImmutableCredentials(AccessKey, SecretKey, token),
                // The token is signed when the request to sign already carries it ("post-sts-header-before").
                SignsToken: token is null || headers.Any(h => h.Key.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase)));
        }

        /// <summary>"METHOD target HTTP/1.1", then "Name:value" lines, then an empty line and the body.</summary>
        private static (string Method, string Target, List<KeyValuePair<string, string>> Headers, string Body) ParseRequest(string text)
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
            var blank = text.IndexOf("\n\n", StringComparison.Ordinal);
            var head = blank < 0 ? text : text[..blank];
            var body = blank < 0 ? "" : text[(blank + 2)..];
            var lines = head.Split('\n').Where(l => l.Length > 0).ToList();
            var requestLine = lines[0];
            var method = requestLine[..requestLine.IndexOf(' ')];
            var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
            var headers = lines.Skip(1).Select(l => new KeyValuePair<string, string>(l[..l.IndexOf(':')], l[(l.IndexOf(':') + 1)..])).ToList();
            return (method, target, headers, body);
        }

        public HttpRequestMessage ToHttpRequestMessage()
        {
            var host = Headers.First(h => h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)).Value.Trim();
            var message = new HttpRequestMessage(new HttpMethod(Method), $"https://{host}{Path}{(Query.Length > 0 ? "?" + Query : "")}");
            if (Body.Length > 0) message.Content = new ByteArrayContent(Body);
            foreach (var (name, value) in Headers)
            {
                if (name.Equals("Host", StringComparison.OrdinalIgnoreCase)) message.Headers.Host = value.Trim();
                else if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)) (message.Content ??= new ByteArrayContent([])).Headers.TryAddWithoutValidation(name, value);
                else message.Headers.TryAddWithoutValidation(name, value);
            }
            return message;
        }

        public void AssertMatches(SigV4Signature signature)
        {
            if (CanonicalRequest is not null) signature.CanonicalRequest.ShouldBe(CanonicalRequest, $"{Name}: canonical request");
            if (StringToSign is not null) signature.StringToSign.ShouldBe(StringToSign, $"{Name}: string to sign");
            signature.Authorization.ShouldBe(Authorization, $"{Name}: Authorization");
        }
    }
}
