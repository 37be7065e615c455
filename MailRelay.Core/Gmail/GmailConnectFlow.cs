using System.Security.Cryptography;
using MailRelay.Core.Audit;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Gmail;

/// <summary>
/// Connect, renew and disconnect Gmail for the signed-in user, end to end: the state bound to the
/// user (<see cref="GmailConsentStates"/>), Google's consent and code exchange
/// (<see cref="IGmailConsent"/>), and the stored grant (<see cref="GmailConnections"/>). Every
/// method takes the user id of the caller's principal, never one from the request.
/// </summary>
public sealed partial class GmailConnectFlow(
    IGmailConsent consent,
    GmailConsentStates states,
    GmailConnections connections,
    IGmailConnectionStore connectionStore,
    ISecretProtector secrets,
    AuditLog audit,
    IOptions<MailboxDeliveryOptions> delivery,
    ILogger<GmailConnectFlow> logger)
{
    /// <summary>Gmail delivery is configured, so there is a Google client to consent to.</summary>
    public bool IsAvailable => string.Equals(delivery.Value.Provider, MailboxDeliveryOptions.Gmail, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where Connect Gmail sends the browser (for the content security policy); null without Gmail delivery.</summary>
    public string? ConsentPageUrl => IsAvailable ? consent.ConsentPageUrl : null;

    /// <summary>
    /// Starts a consent for the user and returns Google's consent URL; null when Gmail delivery is
    /// not configured. <paramref name="requestRedirectUri"/> (derived from the current request) is
    /// used unless the provider has one configured (<see cref="IGmailConsent.RedirectUriFor"/>). On a renewal the connected
    /// address is the login hint, so Google offers the same account first.
    /// </summary>
    public async Task<Uri?> StartAsync(string userId, string requestRedirectUri, CancellationToken cancellationToken)
    {
        if (!IsAvailable) return null;
        var redirectUri = consent.RedirectUriFor(requestRedirectUri);
        var existing = await connectionStore.FindGmailConnectionAsync(userId, cancellationToken);
        var ticket = await states.StartAsync(userId, redirectUri, cancellationToken);
        LogStarted(logger, userId, redirectUri);
        return consent.BuildConsentUrl(ticket, existing?.GmailAddress);
    }

    /// <summary>
    /// Finishes a consent from Google's redirect (<c>state</c>, and <c>code</c> or <c>error</c>).
    /// The state is checked (and spent) first: an unknown, replayed, expired or foreign state ends
    /// here, before the code is ever exchanged, and nothing is stored for anyone.
    /// </summary>
    public async Task<GmailConnectOutcome> CompleteAsync(string userId, string? state, string? code, string? error, CancellationToken cancellationToken)
    {
        if (!IsAvailable) return GmailConnectOutcome.NotConfigured;
        var check = await states.TakeAsync(userId, state, cancellationToken);
        if (check.Refusal is { } refusal)
        {
            if (refusal == GmailConnectOutcome.StateForeign)
                await audit.RecordAsync(userId, AuditActions.GmailConnectRefused, userId, "The consent state belongs to another user.", cancellationToken);
            return Logged(userId, refusal, "state refused");
        }
        if (!string.IsNullOrEmpty(error))
            return Logged(userId, error == "access_denied" ? GmailConnectOutcome.AccessDenied : GmailConnectOutcome.GoogleFailed, $"Google answered error={error}");
        if (string.IsNullOrEmpty(code)) return Logged(userId, GmailConnectOutcome.GoogleFailed, "no code in the callback");

        var answer = await consent.ExchangeAsync(check.Ticket!, code, cancellationToken);
        if (!answer.IsSuccess) return Logged(userId, GmailConnectOutcome.GoogleFailed, answer.Failure.Message);
        var grant = answer.Value;
        if (grant.RefreshToken is null) return Logged(userId, GmailConnectOutcome.NoRefreshToken, "no refresh token");
        if (!grant.Scopes.Contains(GmailScopes.Insert, StringComparer.Ordinal))
            return Logged(userId, GmailConnectOutcome.ScopeMissing, $"granted scopes: {string.Join(' ', grant.Scopes)}");

        var outcome = await connections.CompleteConsentAsync(userId, grant, cancellationToken);
        // The other account's fresh grant will never be used: give it back rather than leave it
        // live at Google. (Not done for a missing scope: that may be the connected account, and
        // revoking would end its working grant too.)
        if (outcome == GmailConnectOutcome.DifferentAccount) await consent.RevokeAsync(grant.RefreshToken, cancellationToken);
        return Logged(userId, outcome, grant.GmailAddress);
    }

    /// <summary>Revokes the user's grant at Google, then deletes it here; queued mail keeps waiting.</summary>
    public async Task<GmailDisconnectOutcome> DisconnectAsync(string userId, CancellationToken cancellationToken)
    {
        var connection = await connectionStore.FindGmailConnectionAsync(userId, cancellationToken);
        if (connection is null) return GmailDisconnectOutcome.NotConnected;
        var revoked = false;
        try
        {
            var refreshToken = await secrets.UnprotectAsync(connection.ProtectedRefreshToken, userId, cancellationToken);
            revoked = IsAvailable && await consent.RevokeAsync(refreshToken, cancellationToken);
        }
        catch (CryptographicException)
        {
            LogUndecryptable(logger, userId);
        }
        if (!await connections.DisconnectAsync(userId, revoked, cancellationToken)) return GmailDisconnectOutcome.NotConnected;
        LogDisconnected(logger, userId, revoked);
        return revoked ? GmailDisconnectOutcome.Disconnected : GmailDisconnectOutcome.DisconnectedNotRevoked;
    }

    private GmailConnectOutcome Logged(string userId, GmailConnectOutcome outcome, string detail)
    {
        if (outcome is GmailConnectOutcome.Connected or GmailConnectOutcome.Renewed) LogConnected(logger, userId, outcome, detail);
        else LogRefused(logger, userId, outcome, detail);
        return outcome;
    }

    [LoggerMessage(LogLevel.Information, "User {UserId} started a Gmail consent (redirect {RedirectUri})")]
    private static partial void LogStarted(ILogger logger, string userId, string redirectUri);

    [LoggerMessage(LogLevel.Information, "Gmail consent of user {UserId} ended {Outcome}: {GmailAddress}")]
    private static partial void LogConnected(ILogger logger, string userId, GmailConnectOutcome outcome, string gmailAddress);

    [LoggerMessage(LogLevel.Warning, "Gmail consent of user {UserId} ended {Outcome}: {Detail}")]
    private static partial void LogRefused(ILogger logger, string userId, GmailConnectOutcome outcome, string detail);

    [LoggerMessage(LogLevel.Information, "User {UserId} disconnected Gmail (revoked at Google: {Revoked})")]
    private static partial void LogDisconnected(ILogger logger, string userId, bool revoked);

    [LoggerMessage(LogLevel.Error, "The stored refresh token of user {UserId} cannot be decrypted, so it cannot be revoked; it is deleted anyway")]
    private static partial void LogUndecryptable(ILogger logger, string userId);
}
