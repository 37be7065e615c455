using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using MailRelay.Core.Storage;

namespace MailRelay.Core.Gmail;

/// <summary>
/// The OAuth <c>state</c> and PKCE verifier of each consent flow, bound to the user who started it.
/// They are kept in the store rather than in memory or a cookie: with several instances behind App
/// Runner the callback may reach another instance than the one that started the flow, and a
/// restart in between must not strand the user. Only a SHA-256 of the state is stored (a row
/// leaked from the database cannot be replayed), the verifier is encrypted, each state works once
/// (taken with one conditional delete) and for <see cref="Lifetime"/>.
/// </summary>
public sealed class GmailConsentStates(IGmailConnectionStore connectionStore, ISecretProtector secrets, TimeProvider time)
{
    /// <summary>How long the user has to come back from Google's consent page.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Creates and stores a new state and verifier for the user.</summary>
    public async Task<GmailConsentTicket> StartAsync(string userId, string redirectUri, CancellationToken cancellationToken)
    {
        var state = RandomText(32);
        // RFC 7636: 43 to 128 characters of [A-Z a-z 0-9 - . _ ~]; base64url of 64 bytes is 86 of them.
        var verifier = RandomText(64);
        var hash = Hash(state);
        var now = time.GetUtcNow();
        var protectedVerifier = await secrets.ProtectAsync(verifier, hash, cancellationToken);
        await connectionStore.SaveGmailConsentRequestAsync(new GmailConsentRequest(hash, userId, protectedVerifier, redirectUri, now, now + Lifetime), now, cancellationToken);
        return new GmailConsentTicket(state, verifier, redirectUri);
    }

    /// <summary>
    /// Takes the state for the caller: it is spent whatever the answer, so a replay or a second
    /// callback finds nothing. Refused when unknown, spent, expired, or started by another user.
    /// </summary>
    public async Task<GmailConsentCheck> TakeAsync(string userId, string? state, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state)) return GmailConsentCheck.Refused(GmailConnectOutcome.StateExpired);
        var request = await connectionStore.TakeGmailConsentRequestAsync(Hash(state), cancellationToken);
        if (request is null || request.ExpiresAt < time.GetUtcNow()) return GmailConsentCheck.Refused(GmailConnectOutcome.StateExpired);
        if (!string.Equals(request.UserId, userId, StringComparison.Ordinal)) return GmailConsentCheck.Refused(GmailConnectOutcome.StateForeign);
        try
        {
            var verifier = await secrets.UnprotectAsync(request.ProtectedCodeVerifier, request.StateHash, cancellationToken);
            return GmailConsentCheck.Valid(new GmailConsentTicket(state, verifier, request.RedirectUri));
        }
        catch (CryptographicException)
        {
            // The key ring changed while the user was at Google: the flow cannot be finished, only restarted.
            return GmailConsentCheck.Refused(GmailConnectOutcome.StateExpired);
        }
    }

    private static string RandomText(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    private static string Hash(string state) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(state)));
}
