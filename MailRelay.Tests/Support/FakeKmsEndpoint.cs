using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MailRelay.Tests.Support;

/// <summary>
/// An in-process KMS on 127.0.0.1 speaking the KMS JSON 1.1 protocol (<c>X-Amz-Target:
/// TrentService.Encrypt|Decrypt</c>), so the real AWSSDK.KeyManagementService client is what the
/// tests exercise. It really encrypts: AES-GCM under a random secret per key, with the encryption
/// context bound as associated data, so a wrong context, key or altered blob gets KMS's own
/// <c>InvalidCiphertextException</c>/<c>IncorrectKeyException</c>. Requests without a SigV4
/// Authorization header for the kms service are refused as AWS would.
/// </summary>
public sealed class FakeKmsEndpoint : IAsyncDisposable
{
    public const string Region = "us-east-1";
    public const string KeyId = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
    public const string OtherKeyId = "arn:aws:kms:us-east-1:123456789012:key/99999999-8888-7777-6666-555555555555";
    public static readonly BasicAWSCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    private LoopbackHost _host = null!;
    private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Received> _requests = new();

    private FakeKmsEndpoint()
    {
        foreach (var key in new[] { KeyId, OtherKeyId }) _keys[key] = RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>One call as it arrived: the operation and the encryption context it carried.</summary>
    public sealed record Received(string Target, string? KeyId, IReadOnlyDictionary<string, string> EncryptionContext, string RawBody);

    public Uri Url => _host.Url;

    public IReadOnlyList<Received> Requests => [.. _requests];

    public static async Task<FakeKmsEndpoint> StartAsync()
    {
        var endpoint = new FakeKmsEndpoint();
        endpoint._host = await LoopbackHost.StartAsync(app => app.Run(endpoint.HandleAsync));
        return endpoint;
    }

    /// <summary>The <c>Secrets</c> settings that point the KMS adapter here.</summary>
    public SecretProtectionOptions Options(string keyId = KeyId) =>
        new() { Provider = SecretProtectionOptions.Kms, KeyId = keyId, Region = Region, ServiceUrl = Url.ToString() };

    public AmazonKeyManagementServiceClient CreateClient(AWSCredentials? credentials = null) =>
        KmsRegistration.CreateClient(Options(), credentials ?? Credentials);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var target = request.Headers["X-Amz-Target"].ToString();
        using var reader = new StreamReader(request.Body);
        var raw = await reader.ReadToEndAsync(context.RequestAborted);
        var body = JsonNode.Parse(raw.Length == 0 ? "{}" : raw)!.AsObject();
        var encryptionContext = body["EncryptionContext"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()) ?? [];
        _requests.Enqueue(new Received(target, body["KeyId"]?.GetValue<string>(), encryptionContext, raw));

        var (status, answer) = !request.Headers.Authorization.ToString().StartsWith("AWS4-HMAC-SHA256 Credential=", StringComparison.Ordinal)
                || !request.Headers.Authorization.ToString().Contains($"/{Region}/kms/aws4_request", StringComparison.Ordinal)
            ? Error(HttpStatusCode.BadRequest, "IncompleteSignatureException", "Request is missing a SigV4 Authorization header for kms.")
            : !(request.ContentType ?? "").StartsWith("application/x-amz-json-1.1", StringComparison.Ordinal)
                ? Error(HttpStatusCode.BadRequest, "SerializationException", $"Unexpected content type '{request.ContentType}'.")
                : target switch
                {
                    "TrentService.Encrypt" => Encrypt(body, encryptionContext),
                    "TrentService.Decrypt" => Decrypt(body, encryptionContext),
                    _ => Error(HttpStatusCode.BadRequest, "UnknownOperationException", $"The fake KMS does not implement '{target}'."),
                };
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
    }

    private (HttpStatusCode, JsonObject) Encrypt(JsonObject body, IReadOnlyDictionary<string, string> encryptionContext)
    {
        var keyId = body["KeyId"]?.GetValue<string>() ?? "";
        if (!_keys.TryGetValue(keyId, out var secret)) return Error(HttpStatusCode.BadRequest, "NotFoundException", $"Key '{keyId}' does not exist");
        var plaintext = Convert.FromBase64String(body["Plaintext"]!.GetValue<string>());
        var keyBytes = Encoding.UTF8.GetBytes(keyId);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var sealedBytes = new byte[plaintext.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(secret, 16)) aes.Encrypt(nonce, plaintext, sealedBytes, tag, Aad(encryptionContext));
        // Like KMS, the blob names its key, so Decrypt needs no KeyId.
        byte[] blob = [(byte)keyBytes.Length, .. keyBytes, .. nonce, .. tag, .. sealedBytes];
        return (HttpStatusCode.OK, new JsonObject { ["CiphertextBlob"] = Convert.ToBase64String(blob), ["KeyId"] = keyId, ["EncryptionAlgorithm"] = "SYMMETRIC_DEFAULT" });
    }

    private (HttpStatusCode, JsonObject) Decrypt(JsonObject body, IReadOnlyDictionary<string, string> encryptionContext)
    {
        var blob = Convert.FromBase64String(body["CiphertextBlob"]!.GetValue<string>());
        if (blob.Length < 1 + 12 + 16 || blob.Length < 1 + blob[0] + 12 + 16) return Invalid();
        var keyId = Encoding.UTF8.GetString(blob, 1, blob[0]);
        if (!_keys.TryGetValue(keyId, out var secret)) return Invalid();
        if (body["KeyId"]?.GetValue<string>() is { } asked && asked != keyId)
            return Error(HttpStatusCode.BadRequest, "IncorrectKeyException", "The key ID in the request does not identify a CMK that can perform this operation.");
        var at = 1 + blob[0];
        var nonce = blob.AsSpan(at, 12);
        var tag = blob.AsSpan(at + 12, 16);
        var sealedBytes = blob.AsSpan(at + 28);
        var plaintext = new byte[sealedBytes.Length];
        try
        {
            using var aes = new AesGcm(secret, 16);
            aes.Decrypt(nonce, sealedBytes, tag, plaintext, Aad(encryptionContext));
        }
        catch (AuthenticationTagMismatchException)
        {
            return Invalid();
        }
        return (HttpStatusCode.OK, new JsonObject { ["Plaintext"] = Convert.ToBase64String(plaintext), ["KeyId"] = keyId, ["EncryptionAlgorithm"] = "SYMMETRIC_DEFAULT" });
    }

    /// <summary>The context in a canonical order, so the same pairs always bind the same way.</summary>
    private static byte[] Aad(IReadOnlyDictionary<string, string> context) =>
        JsonSerializer.SerializeToUtf8Bytes(context.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new[] { p.Key, p.Value }));

    private static (HttpStatusCode, JsonObject) Invalid() => Error(HttpStatusCode.BadRequest, "InvalidCiphertextException", null);

    private static (HttpStatusCode, JsonObject) Error(HttpStatusCode status, string type, string? message) =>
        (status, new JsonObject { ["__type"] = type, ["message"] = message });

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
