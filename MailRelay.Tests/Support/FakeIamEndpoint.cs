using System.Net;
using System.Security;
using Amazon.Runtime;
using MailRelay.Core.Infrastructure.Aws;
using MailRelay.Core.Smtp.Adapters;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace MailRelay.Tests.Support;

/// <summary>
/// An in-memory IAM on 127.0.0.1 speaking the query protocol with the XML shapes of AWS's IAM API
/// reference, for the calls <see cref="IamQueryClient"/> makes. It keeps users, inline policies and
/// access keys, checks every SigV4 signature, records every call, and can be told to fail the next
/// calls of an action (<see cref="FailNext"/>).
/// </summary>
public sealed class FakeIamEndpoint : IAsyncDisposable
{
    public const string AccountId = "123456789012";
    public const int AccessKeysPerUser = 2; // IAM's quota
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    public static readonly ImmutableCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token-example");

    private LoopbackHost _host = null!;
    private readonly object _gate = new();
    private readonly List<Received> _requests = [];
    private readonly Dictionary<string, FakeUser> _users = new(StringComparer.OrdinalIgnoreCase); // IAM names are case-insensitive
    private readonly Dictionary<string, Queue<(HttpStatusCode Status, string Type, string Code, string Message)>> _failures = new(StringComparer.Ordinal);
    private int _sequence;

    /// <summary>What one request looked like when it arrived.</summary>
    public sealed record Received(string Method, string Path, string? ContentType, IReadOnlyDictionary<string, string> Form, string? SignatureProblem)
    {
        public string Action => Form.GetValueOrDefault("Action", "");
    }

    public sealed record FakeKey(string AccessKeyId, string SecretAccessKey, string Status);

    public sealed class FakeUser(string name, string path, string id, IReadOnlyDictionary<string, string> tags)
    {
        public string Name { get; } = name;
        public string Path { get; } = path;
        public string Id { get; } = id;
        public IReadOnlyDictionary<string, string> Tags { get; } = tags;
        public Dictionary<string, string> Policies { get; } = new(StringComparer.Ordinal);
        public List<FakeKey> Keys { get; } = [];
        public string Arn => $"arn:aws:iam::{AccountId}:user{Path}{Name}";
    }

    public Uri Url => _host.Url;

    public IReadOnlyList<Received> Requests { get { lock (_gate) return [.. _requests]; } }

    /// <summary>The actions called so far, in order.</summary>
    public IReadOnlyList<string> Actions => Requests.Select(r => r.Action).ToList();

    public FakeUser? User(string name) { lock (_gate) return _users.GetValueOrDefault(name); }

    public static async Task<FakeIamEndpoint> StartAsync()
    {
        var endpoint = new FakeIamEndpoint();
        endpoint._host = await LoopbackHost.StartAsync(app => app.Run(endpoint.HandleAsync));
        return endpoint;
    }

    public IamQueryClient CreateClient(TimeProvider? time = null, AWSCredentials? credentials = null) =>
        new(new HttpClient(), credentials ?? new SessionAWSCredentials(Credentials.AccessKey, Credentials.SecretKey, Credentials.Token), time ?? TimeProvider.System, Url);

    /// <summary>The next <paramref name="times"/> calls of <paramref name="action"/> fail with this error instead of running.</summary>
    public void FailNext(string action, int times, string code, string message, HttpStatusCode status = HttpStatusCode.BadRequest, string type = "Sender")
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(action, out var queue)) _failures[action] = queue = new();
            for (var i = 0; i < times; i++) queue.Enqueue((status, type, code, message));
        }
    }

    /// <summary>Throttles the next <paramref name="times"/> calls of <paramref name="action"/>, as IAM does (HTTP 400, <c>Throttling</c>).</summary>
    public void ThrottleNext(string action, int times) => FailNext(action, times, IamErrorCodes.Throttling, "Rate exceeded");

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var form = QueryHelpers.ParseQuery(body).ToDictionary(p => p.Key, p => p.Value.ToString());
        var received = new Received(request.Method, request.Path.Value ?? "", request.ContentType, form, CheckSignature(request, body));

        HttpStatusCode status;
        string xml;
        lock (_gate)
        {
            _requests.Add(received);
            (status, xml) = received.SignatureProblem is { } problem
                ? (HttpStatusCode.Forbidden, Error("Sender", "SignatureDoesNotMatch", problem))
                : _failures.TryGetValue(received.Action, out var queue) && queue.TryDequeue(out var failure)
                    ? (failure.Status, Error(failure.Type, failure.Code, failure.Message))
                    : Execute(received.Action, form);
        }
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "text/xml";
        await context.Response.WriteAsync(xml, context.RequestAborted);
    }

    private (HttpStatusCode, string) Execute(string action, Dictionary<string, string> form)
    {
        if (form.GetValueOrDefault("Version") != IamQueryClient.ApiVersion)
            return (HttpStatusCode.BadRequest, Error("Sender", "InvalidParameterValue", "Unsupported or missing Version."));
        var userName = form.GetValueOrDefault("UserName", "");
        if (action == "CreateUser")
        {
            if (_users.ContainsKey(userName)) return (HttpStatusCode.Conflict, Error("Sender", IamErrorCodes.EntityAlreadyExists, $"User with name {userName} already exists."));
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var n = 1; form.TryGetValue($"Tags.member.{n}.Key", out var key); n++) tags[key] = form.GetValueOrDefault($"Tags.member.{n}.Value", "");
            var user = new FakeUser(userName, form.GetValueOrDefault("Path", "/"), $"AIDA{Next():D16}", tags);
            _users[userName] = user;
            return Ok(action, $"<User><Path>{X(user.Path)}</Path><UserName>{X(user.Name)}</UserName><UserId>{user.Id}</UserId><Arn>{X(user.Arn)}</Arn><CreateDate>2026-01-02T03:04:05Z</CreateDate></User>");
        }

        if (!_users.TryGetValue(userName, out var existing))
            return (HttpStatusCode.NotFound, Error("Sender", IamErrorCodes.NoSuchEntity, $"The user with name {userName} cannot be found."));

        switch (action)
        {
            case "PutUserPolicy":
                existing.Policies[form["PolicyName"]] = form["PolicyDocument"];
                return Ok(action, null);
            case "ListUserPolicies":
                return Ok(action, $"<PolicyNames>{string.Concat(existing.Policies.Keys.Order(StringComparer.Ordinal).Select(p => $"<member>{X(p)}</member>"))}</PolicyNames><IsTruncated>false</IsTruncated>");
            case "DeleteUserPolicy":
                return existing.Policies.Remove(form.GetValueOrDefault("PolicyName", ""))
                    ? Ok(action, null)
                    : (HttpStatusCode.NotFound, Error("Sender", IamErrorCodes.NoSuchEntity, $"The user policy with name {form.GetValueOrDefault("PolicyName")} cannot be found."));
            case "CreateAccessKey":
                if (existing.Keys.Count >= AccessKeysPerUser)
                    return (HttpStatusCode.Conflict, Error("Sender", IamErrorCodes.LimitExceeded, $"Cannot exceed quota for AccessKeysPerUser: {AccessKeysPerUser}"));
                // Shaped like IAM's: 40 characters of the base64 alphabet.
                var created = new FakeKey($"AKIA{Next():D16}", System.Security.Cryptography.RandomNumberGenerator.GetString(SecretAlphabet, 40), "Active");
                existing.Keys.Add(created);
                return Ok(action, $"<AccessKey><UserName>{X(existing.Name)}</UserName><AccessKeyId>{created.AccessKeyId}</AccessKeyId><Status>Active</Status><SecretAccessKey>{created.SecretAccessKey}</SecretAccessKey><CreateDate>2026-01-02T03:04:05Z</CreateDate></AccessKey>");
            case "ListAccessKeys":
                return Ok(action, $"<UserName>{X(existing.Name)}</UserName><AccessKeyMetadata>{string.Concat(existing.Keys.Select(k => $"<member><UserName>{X(existing.Name)}</UserName><AccessKeyId>{k.AccessKeyId}</AccessKeyId><Status>{k.Status}</Status><CreateDate>2026-01-02T03:04:05Z</CreateDate></member>"))}</AccessKeyMetadata><IsTruncated>false</IsTruncated>");
            case "UpdateAccessKey" or "DeleteAccessKey":
                var index = existing.Keys.FindIndex(k => k.AccessKeyId == form.GetValueOrDefault("AccessKeyId"));
                if (index < 0) return (HttpStatusCode.NotFound, Error("Sender", IamErrorCodes.NoSuchEntity, $"The Access Key with id {form.GetValueOrDefault("AccessKeyId")} cannot be found."));
                if (action == "DeleteAccessKey") existing.Keys.RemoveAt(index);
                else existing.Keys[index] = existing.Keys[index] with { Status = form["Status"] };
                return Ok(action, null);
            case "DeleteUser":
                if (existing.Keys.Count > 0 || existing.Policies.Count > 0)
                    return (HttpStatusCode.Conflict, Error("Sender", IamErrorCodes.DeleteConflict, "Cannot delete entity, must delete access keys and policies first."));
                _users.Remove(userName);
                return Ok(action, null);
            default:
                return (HttpStatusCode.BadRequest, Error("Sender", "InvalidAction", $"Could not find operation {action} for version {IamQueryClient.ApiVersion}"));
        }
    }

    private int Next() => ++_sequence;

    private static string X(string value) => SecurityElement.Escape(value);

    /// <summary>A successful <c>{Action}Response</c> in the IAM namespace; <paramref name="result"/> null for actions without a result element.</summary>
    public static (HttpStatusCode, string) Ok(string action, string? result) => (HttpStatusCode.OK,
        $"""<?xml version="1.0"?><{action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/">{(result is null ? "" : $"<{action}Result>{result}</{action}Result>")}<ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></{action}Response>""");

    /// <summary>An IAM <c>ErrorResponse</c>.</summary>
    public static string Error(string type, string code, string message) =>
        $"""<?xml version="1.0"?><ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>{type}</Type><Code>{code}</Code><Message>{X(message)}</Message></Error><RequestId>7a62c49f-347e-4fc4-9331-6e8eERROR00</RequestId></ErrorResponse>""";

    /// <summary>Recomputes the signature from the request as it arrived, as IAM would. Null when it matches.</summary>
    private static string? CheckSignature(HttpRequest request, string body)
    {
        var authorization = request.Headers.Authorization.ToString();
        const string prefix = "AWS4-HMAC-SHA256 Credential=";
        if (!authorization.StartsWith(prefix, StringComparison.Ordinal)) return "no SigV4 Authorization header";
        var parts = authorization[prefix.Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p.Length == 1 ? "Credential" : p[0], p => p[^1]);
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        var expectedScope = $"{Credentials.AccessKey}/{amzDate[..Math.Min(8, amzDate.Length)]}/{IamQueryClient.SigningRegion}/iam/aws4_request";
        if (parts["Credential"] != expectedScope) return $"credential scope {parts["Credential"]}, expected {expectedScope}";

        var headers = parts["SignedHeaders"].Split(';')
            .Select(name => new KeyValuePair<string, string>(name, name == "host" ? request.Host.Value! : request.Headers[name].ToString()))
            .ToList();
        var payloadHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body))).ToLowerInvariant();
        var sent = new SigV4Request(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", headers, payloadHash);
        var expected = new SigV4Signer("iam", IamQueryClient.SigningRegion).Compute(sent, Credentials, DateTimeOffset.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal));
        return expected.Signature == parts["Signature"] ? null : $"signature {parts["Signature"]} does not match {expected.Signature}";
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
