using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Auth.OAuth2.Requests;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Http;
using MailRelay.Core.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Gmail.Adapters;

/// <summary>
/// Google's side of connecting Gmail, with Google.Apis.Auth against the configured endpoints: the
/// consent URL (offline access, forced consent, PKCE S256, state), the code exchange with the
/// verifier, the id_token that names the account (verified by <see cref="GoogleIdTokens"/>), and
/// revocation. It keeps no state: the caller owns the state and verifier (<see cref="GmailConsentStates"/>).
/// </summary>
public sealed partial class GoogleConsent : IGmailConsent, IDisposable
{
    /// <summary>The named <see cref="System.Net.Http.HttpClient"/> revocations go through.</summary>
    public const string HttpClientName = "GoogleOAuth";

    /// <summary>Import into Gmail, plus the account's address (from the id_token) to show and to compare on renewal.</summary>
    public static readonly IReadOnlyList<string> Scopes = [GmailScopes.Insert, "openid", "email"];

    private readonly GoogleOptions _options;
    private readonly System.Net.Http.IHttpClientFactory _httpClients;
    private readonly TimeProvider _time;
    private readonly ILogger<GoogleConsent> _logger;
    private readonly Lazy<AuthorizationCodeFlow> _flow;
    private readonly GoogleIdTokens _idTokens;

    public GoogleConsent(IOptions<GoogleOptions> options, System.Net.Http.IHttpClientFactory httpClients, TimeProvider time, ILogger<GoogleConsent> logger)
    {
        _options = options.Value;
        _httpClients = httpClients;
        _time = time;
        _logger = logger;
        _idTokens = new GoogleIdTokens(_options, logger);
        // Built on first use: with the local mailbox chosen, no Google client is configured at all.
        _flow = new Lazy<AuthorizationCodeFlow>(() => new AuthorizationCodeFlow(
            new AuthorizationCodeFlow.Initializer(_options.AuthorizationUrl, _options.TokenUrl)
            {
                ClientSecrets = new ClientSecrets { ClientId = _options.ClientId, ClientSecret = _options.ClientSecret },
                Scopes = Scopes,
                DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
            }));
    }

    public string ConsentPageUrl => _options.AuthorizationUrl;

    public string RedirectUriFor(string requestRedirectUri) =>
        string.IsNullOrWhiteSpace(_options.RedirectUri) ? requestRedirectUri : _options.RedirectUri;

    /// <summary>
    /// Where to send the user: Google's consent page asking for offline access to
    /// <see cref="Scopes"/>, always showing the consent screen (so a refresh token is issued
    /// again on every renewal), with the PKCE challenge of the ticket's verifier.
    /// </summary>
    public Uri BuildConsentUrl(GmailConsentTicket ticket, string? loginHint) =>
        // GoogleAuthorizationCodeRequestUrl carries Google's extra parameters; the flow's own
        // CreateAuthorizationCodeRequest only knows the standard ones.
        new GoogleAuthorizationCodeRequestUrl(new Uri(_options.AuthorizationUrl))
        {
            ClientId = _options.ClientId,
            RedirectUri = ticket.RedirectUri,
            Scope = string.Join(' ', Scopes),
            State = ticket.State,
            AccessType = "offline",
            Prompt = "consent",
            LoginHint = string.IsNullOrEmpty(loginHint) ? null : loginHint,
            CodeChallenge = CodeChallenge(ticket.CodeVerifier),
            CodeChallengeMethod = "S256",
        }.Build();

    /// <summary>RFC 7636 S256: BASE64URL(SHA-256(ASCII(verifier))).</summary>
    public static string CodeChallenge(string codeVerifier) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)));

    /// <summary>
    /// Exchanges the code (with the verifier) for the grant. The account comes from the id_token,
    /// which <see cref="GoogleIdTokens"/> verifies.
    /// </summary>
    public async Task<Result<GmailGrant>> ExchangeAsync(GmailConsentTicket ticket, string code, CancellationToken cancellationToken)
    {
        TokenResponse response;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            // FetchTokenAsync rather than ExchangeCodeForTokenAsync: the latter has no verifier
            // parameter on the plain flow. Neither stores anything without a data store.
            response = await _flow.Value.FetchTokenAsync("consent",
                new AuthorizationCodeTokenRequest { Code = code, RedirectUri = ticket.RedirectUri, CodeVerifier = ticket.CodeVerifier }, timeout.Token);
        }
        catch (TokenResponseException e)
        {
            LogExchangeRefused(_logger, e.Error?.Error, e.Error?.ErrorDescription, (int?)e.StatusCode);
            return Failure.Invalid($"Google refused the authorization code: {e.Error?.Error} {e.Error?.ErrorDescription}".TrimEnd());
        }
        catch (HttpRequestException e)
        {
            LogExchangeUnreachable(_logger, e.Message);
            return Failure.Unavailable($"The Google token endpoint could not be reached: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogExchangeUnreachable(_logger, $"no answer within {_options.RequestTimeout}");
            return Failure.Unavailable($"The Google token endpoint did not answer within {_options.RequestTimeout}.");
        }

        var account = await _idTokens.VerifyAsync(response.IdToken, cancellationToken);
        if (!account.IsSuccess) return account.Failure;
        var scopes = (response.Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var refreshToken = string.IsNullOrEmpty(response.RefreshToken) ? null : response.RefreshToken;
        var expiresAt = refreshToken is not null && _options.RefreshTokenLifetime is { } lifetime ? _time.GetUtcNow() + lifetime : (DateTimeOffset?)null;
        return new GmailGrant(account.Value, refreshToken, scopes, expiresAt);
    }

    /// <summary>
    /// Revokes a token at Google (<c>POST RevokeUrl</c>, <c>token=…</c> in the body, never the URL).
    /// True when Google confirms, or says the token is already invalid; false when it could not be reached or refused otherwise.
    /// </summary>
    public async Task<bool> RevokeAsync(string token, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token });
            using var response = await _httpClients.CreateClient(HttpClientName).PostAsync(_options.RevokeUrl, content, timeout.Token);
            if (response.IsSuccessStatusCode) return true;
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            // Google answers 400 invalid_token for a token that is already expired or revoked: nothing is left to revoke.
            if (response.StatusCode == HttpStatusCode.BadRequest && body.Contains("invalid_token", StringComparison.Ordinal)) return true;
            LogRevokeRefused(_logger, (int)response.StatusCode);
            return false;
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogRevokeUnreachable(_logger, e.Message);
            return false;
        }
    }

    public void Dispose()
    {
        if (_flow.IsValueCreated) _flow.Value.Dispose();
    }

    [LoggerMessage(LogLevel.Warning, "Google refused to exchange a consent code: {ErrorCode} {ErrorDescription} (HTTP {Status})")]
    private static partial void LogExchangeRefused(ILogger logger, string? errorCode, string? errorDescription, int? status);

    [LoggerMessage(LogLevel.Warning, "The Google token endpoint could not be reached for a consent code: {Reason}")]
    private static partial void LogExchangeUnreachable(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Warning, "Google refused to revoke a token (HTTP {Status})")]
    private static partial void LogRevokeRefused(ILogger logger, int status);

    [LoggerMessage(LogLevel.Warning, "The Google revocation endpoint could not be reached: {Reason}")]
    private static partial void LogRevokeUnreachable(ILogger logger, string reason);
}
