using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace MailRelay.Tests.Fakes;

/// <summary>
/// The consent side: <c>GET /o/oauth2/v2/auth</c> approves at once (or as scripted) and redirects
/// to <c>redirect_uri</c> with a code bound to the redirect URI and the PKCE challenge;
/// <c>GET /oauth2/v3/certs</c> serves the key the id_tokens are signed with (RS256).
/// </summary>
public sealed partial class FakeGoogle
{
    public const string ConsentPath = "/o/oauth2/v2/auth";
    public const string CertificatesPath = "/oauth2/v3/certs";
    private const string KeyId = "fake-google-key-1";

    /// <summary>One key for every fake in the process: Google.Apis.Auth caches the keys it fetched, per URL, across tests.</summary>
    private static readonly RSA SigningKey = RSA.Create(2048);

    /// <summary>Signs forged id_tokens: a key nobody publishes.</summary>
    private static readonly RSA ForgeryKey = RSA.Create(2048);

    private readonly ConcurrentQueue<FakeConsent> _consents = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _consentRequests = new();
    private readonly ConcurrentQueue<string> _revocations = new();

    /// <summary>The account approved when a consent request names none (no <c>login_hint</c>, no <c>fake_account</c>).</summary>
    public string? DefaultConsentAccount { get; set; }

    /// <summary>The id_tokens' <c>iss</c>: this fake's root URL without the trailing slash.</summary>
    public string Issuer => BaseUrl.ToString().TrimEnd('/');

    /// <summary>Every consent request's query, in order (to check what MailRelay asked for).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> ConsentRequests => [.. _consentRequests];

    /// <summary>Every token posted to the revocation endpoint, known or not.</summary>
    public IReadOnlyList<string> Revocations => [.. _revocations];

    /// <summary>The next consent requests are answered like this, once each, in order; then approval as usual.</summary>
    public FakeGoogle ConsentAnswers(params FakeConsent[] answers)
    {
        foreach (var answer in answers) _consents.Enqueue(answer);
        return this;
    }

    /// <summary>Whether the token (refresh or access) has been revoked.</summary>
    public bool IsRevoked(string token)
    {
        lock (_gate) return _revoked.Contains(token);
    }

    /// <summary>The refresh tokens the fake issued for the account, oldest first.</summary>
    public IReadOnlyList<string> RefreshTokensOf(string email)
    {
        lock (_gate) return _refreshTokens.Where(t => string.Equals(t.Value.Email, email, StringComparison.OrdinalIgnoreCase)).Select(t => t.Key).ToList();
    }

    private void MapConsentEndpoints(WebApplication app)
    {
        app.MapGet(ConsentPath, (RequestDelegate)ConsentAsync);
        app.MapGet(CertificatesPath, (RequestDelegate)CertificatesAsync);
    }

    private async Task ConsentAsync(HttpContext context)
    {
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        _consentRequests.Enqueue(query);
        string Get(string key) => query.TryGetValue(key, out var value) ? value : "";

        // Google shows an error page (no redirect) for a request it cannot trust to send anywhere.
        var problem = Get("client_id") != ClientId ? "invalid_client: The OAuth client was not found."
            : !Uri.TryCreate(Get("redirect_uri"), UriKind.Absolute, out _) ? "invalid_request: Missing or invalid redirect_uri."
            : Get("response_type") != "code" ? "unsupported_response_type"
            : Get("code_challenge").Length > 0 && Get("code_challenge_method") is not ("S256" or "plain") ? "invalid_request: Invalid code_challenge_method."
            : null;
        if (problem is not null)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync($"Fake Google refuses the consent request: {problem}", context.RequestAborted);
            return;
        }

        var answer = _consents.TryDequeue(out var scripted) ? scripted : FakeConsent.Approve();
        var back = new Dictionary<string, string?>();
        if (answer.Denied)
        {
            back["error"] = "access_denied";
        }
        else
        {
            var email = answer.Email ?? NonEmpty(Get("fake_account")) ?? NonEmpty(Get("login_hint")) ?? DefaultConsentAccount;
            if (email is null)
            {
                context.Response.StatusCode = 400;
                await context.Response.WriteAsync("Fake Google has no account to approve: pass login_hint or fake_account, script one, or set DefaultConsentAccount.", context.RequestAborted);
                return;
            }
            var scopes = answer.GrantedScopes ?? Get("scope").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var code = $"4/fake-code-{Guid.NewGuid():N}";
            lock (_gate)
            {
                if (!_accounts.ContainsKey(email)) _accounts[email] = new Account(email);
                _codes[code] = new PendingCode(email, string.Join(' ', scopes), Get("redirect_uri"), NonEmpty(Get("code_challenge")), Get("code_challenge_method"),
                    Offline: Get("access_type") == "offline" && !answer.OmitRefreshToken, answer.IdTokenAudience ?? ClientId, answer.ForgedIdToken);
            }
            back["code"] = code;
            back["scope"] = string.Join(' ', scopes);
        }
        if (query.ContainsKey("state")) back["state"] = Get("state");
        context.Response.Redirect(QueryHelpers.AddQueryString(Get("redirect_uri"), back));
    }

    private async Task CertificatesAsync(HttpContext context)
    {
        var key = SigningKey.ExportParameters(false);
        await WriteJsonAsync(context, 200, new Dictionary<string, object>
        {
            ["keys"] = new[]
            {
                new Dictionary<string, string> { ["kty"] = "RSA", ["alg"] = "RS256", ["use"] = "sig", ["kid"] = KeyId, ["n"] = Base64Url(key.Modulus!), ["e"] = Base64Url(key.Exponent!) },
            },
        });
    }

    /// <summary>RFC 7636: S256 compares BASE64URL(SHA-256(verifier)) with the challenge; plain compares them as they are.</summary>
    private static bool PkceMatches(PendingCode pending, string verifier) =>
        pending.CodeChallenge is null
        || (verifier.Length > 0 && (pending.CodeChallengeMethod == "plain"
            ? verifier == pending.CodeChallenge
            : Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) == pending.CodeChallenge));

    /// <summary>An OpenID Connect id_token as Google's: RS256 over the header and the claims.</summary>
    private string IdToken(string email, string audience, bool forged)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = JsonSerializer.Serialize(new Dictionary<string, string> { ["alg"] = "RS256", ["kid"] = KeyId, ["typ"] = "JWT" });
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = audience,
            ["azp"] = audience,
            ["sub"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())))[..21],
            ["email"] = email,
            ["email_verified"] = true,
            ["iat"] = now,
            ["exp"] = now + 3600,
        });
        var signed = $"{Base64Url(Encoding.UTF8.GetBytes(header))}.{Base64Url(Encoding.UTF8.GetBytes(payload))}";
        var signature = (forged ? ForgeryKey : SigningKey).SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{Base64Url(signature)}";
    }

    private static string? NonEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A code waiting for its exchange, with what the consent request bound it to.</summary>
    private sealed record PendingCode(string Email, string Scopes, string? RedirectUri, string? CodeChallenge, string CodeChallengeMethod, bool Offline, string Audience, bool ForgedIdToken = false);
}
