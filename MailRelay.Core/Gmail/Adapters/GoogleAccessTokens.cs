using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Flows;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Http;
using MailRelay.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Gmail.Adapters;

/// <summary>
/// Turns a user's stored refresh token into an access token with Google.Apis.Auth. Access tokens
/// live only in memory, per user, until five minutes before they expire; they are never stored
/// and never logged. A cached token is dropped when the stored grant changes or Gmail rejects it.
/// </summary>
public sealed partial class GoogleAccessTokens : IDisposable
{
    /// <summary>A token is refreshed this long before Google says it expires, so it never dies mid-upload.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, CachedToken> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _refreshGates = new(StringComparer.Ordinal);
    private readonly Lazy<AuthorizationCodeFlow> _flow;
    private readonly GoogleOptions _options;
    private readonly ISecretProtector _protector;
    private readonly TimeProvider _time;
    private readonly ILogger<GoogleAccessTokens> _logger;

    public GoogleAccessTokens(IOptions<GoogleOptions> options, ISecretProtector protector, TimeProvider time, ILogger<GoogleAccessTokens> logger)
    {
        _options = options.Value;
        _protector = protector;
        _time = time;
        _logger = logger;
        // Built on first use: with the local mailbox chosen, no Google client is configured at all.
        _flow = new Lazy<AuthorizationCodeFlow>(() => CreateFlow(_options));
    }

    /// <summary>An access token for the connection's user: from memory while it is fresh, otherwise refreshed.</summary>
    public async Task<GoogleAccessToken> GetAsync(GmailConnection connection, CancellationToken cancellationToken)
    {
        if (TryCached(connection) is { } cached) return GoogleAccessToken.Issued(cached);
        // One refresh per user at a time: a burst of deliveries for one user costs one token call.
        var gate = _refreshGates.GetOrAdd(connection.UserId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return TryCached(connection) is { } fresh ? GoogleAccessToken.Issued(fresh) : await RefreshAsync(connection, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Forgets an access token Gmail rejected (401). Only that token: a concurrent refresh may
    /// already have cached a newer one.
    /// </summary>
    public void Invalidate(string userId, string rejectedAccessToken)
    {
        if (_cache.TryGetValue(userId, out var cached) && cached.AccessToken == rejectedAccessToken)
            _cache.TryRemove(new KeyValuePair<string, CachedToken>(userId, cached));
    }

    public void Dispose()
    {
        if (_flow.IsValueCreated) _flow.Value.Dispose();
        foreach (var gate in _refreshGates.Values) gate.Dispose();
    }

    private string? TryCached(GmailConnection connection) =>
        _cache.TryGetValue(connection.UserId, out var cached) && cached.IsFor(connection) && _time.GetUtcNow() < cached.RefreshAt
            ? cached.AccessToken
            : null;

    private async Task<GoogleAccessToken> RefreshAsync(GmailConnection connection, CancellationToken cancellationToken)
    {
        _cache.TryRemove(connection.UserId, out _);
        string refreshToken;
        try
        {
            refreshToken = await _protector.UnprotectAsync(connection.ProtectedRefreshToken, connection.UserId, cancellationToken);
        }
        catch (CryptographicException)
        {
            LogUndecryptable(_logger, connection.UserId);
            return GoogleAccessToken.Fail(GoogleTokenFailure.Failed, "The stored refresh token cannot be decrypted (was the key ring lost?); reconnect Gmail.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            var response = await _flow.Value.RefreshTokenAsync(connection.UserId, refreshToken, timeout.Token);
            Remember(connection, response);
            LogRefreshed(_logger, connection.UserId, response.ExpiresInSeconds);
            return GoogleAccessToken.Issued(response.AccessToken);
        }
        catch (TokenResponseException e)
        {
            var failure = Classify(e);
            LogRefreshFailed(_logger, connection.UserId, failure, e.Error?.Error, e.Error?.ErrorDescription);
            return GoogleAccessToken.Fail(failure, Describe(failure, e));
        }
        catch (HttpRequestException e)
        {
            LogUnreachable(_logger, connection.UserId, e.Message);
            return GoogleAccessToken.Fail(GoogleTokenFailure.Transient, $"The Google token endpoint could not be reached: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(_logger, connection.UserId, _options.RequestTimeout);
            return GoogleAccessToken.Fail(GoogleTokenFailure.Transient, $"The Google token endpoint did not answer within {_options.RequestTimeout}.");
        }
    }

    private void Remember(GmailConnection connection, TokenResponse response)
    {
        // Without a lifetime there is no safe moment to stop using the token, so it is not kept.
        if (response.ExpiresInSeconds is not { } seconds) return;
        var refreshAt = _time.GetUtcNow() + TimeSpan.FromSeconds(seconds) - RefreshMargin;
        if (refreshAt <= _time.GetUtcNow()) return;
        _cache[connection.UserId] = new CachedToken(response.AccessToken, refreshAt, connection.ProtectedRefreshToken, connection.IssuedAt);
    }

    internal static GoogleTokenFailure Classify(TokenResponseException e)
    {
        if (string.Equals(e.Error?.Error, "invalid_grant", StringComparison.Ordinal)) return GoogleTokenFailure.GrantInvalid;
        var status = (int?)e.StatusCode;
        return status is >= 500 or (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.RequestTimeout
            ? GoogleTokenFailure.Transient
            : GoogleTokenFailure.Failed;
    }

    private static string Describe(GoogleTokenFailure failure, TokenResponseException e)
    {
        var code = e.Error?.Error ?? "unknown_error";
        var description = string.IsNullOrWhiteSpace(e.Error?.ErrorDescription) ? "" : $": {e.Error!.ErrorDescription}";
        var status = e.StatusCode is { } s ? $" (HTTP {(int)s})" : "";
        var what = failure == GoogleTokenFailure.Transient ? "The Google token endpoint failed" : "Google refused the token refresh";
        return $"{what} with {code}{description}{status}";
    }

    private static AuthorizationCodeFlow CreateFlow(GoogleOptions options) =>
        // The plain flow, because GoogleAuthorizationCodeFlow's initializer only takes Google's own
        // URLs publicly; the refresh request it sends is the same.
        new(new AuthorizationCodeFlow.Initializer(options.AuthorizationUrl, options.TokenUrl)
        {
            ClientSecrets = new ClientSecrets { ClientId = options.ClientId, ClientSecret = options.ClientSecret },
            Scopes = [GmailScopes.Insert],
            // Retries are decided by the callers (and their error classes), not hidden in here.
            DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
        });

    private sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAt, string ProtectedRefreshToken, DateTimeOffset IssuedAt)
    {
        /// <summary>A renewal replaces the stored token, and with it every access token of the old grant.</summary>
        public bool IsFor(GmailConnection connection) =>
            ProtectedRefreshToken == connection.ProtectedRefreshToken && IssuedAt == connection.IssuedAt;

        public override string ToString() => $"CachedToken(until {RefreshAt:O})";
    }

    [LoggerMessage(LogLevel.Debug, "Refreshed the Google access token of user {UserId}; it lives {ExpiresInSeconds} s")]
    private static partial void LogRefreshed(ILogger logger, string userId, long? expiresInSeconds);

    [LoggerMessage(LogLevel.Warning, "Google refused to refresh the token of user {UserId} ({Failure}): {ErrorCode} {ErrorDescription}")]
    private static partial void LogRefreshFailed(ILogger logger, string userId, GoogleTokenFailure failure, string? errorCode, string? errorDescription);

    [LoggerMessage(LogLevel.Warning, "The Google token endpoint could not be reached for user {UserId}: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string userId, string reason);

    [LoggerMessage(LogLevel.Warning, "The Google token endpoint did not answer within {Timeout} for user {UserId}")]
    private static partial void LogTimedOut(ILogger logger, string userId, TimeSpan timeout);

    [LoggerMessage(LogLevel.Error, "The stored refresh token of user {UserId} cannot be decrypted")]
    private static partial void LogUndecryptable(ILogger logger, string userId);
}
