using Google.Apis.Auth;
using MailRelay.Core.Common;
using Microsoft.Extensions.Logging;

namespace MailRelay.Core.Gmail.Adapters;

/// <summary>
/// Verifies the id_token of a consent and reads the account from it: signature against Google's
/// keys (<see cref="GoogleOptions.CertificatesUrl"/>, fetched and cached by Google.Apis.Auth),
/// issuer, audience = our client id, expiry, and a verified email.
/// </summary>
internal sealed partial class GoogleIdTokens(GoogleOptions options, ILogger logger)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>The account's email address; Invalid with the reason when the token is missing, not Google's, or names no verified address.</summary>
    public async Task<Result<string>> VerifyAsync(string? idToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(idToken)) return Failure.Invalid("Google sent no id_token, so the Gmail account is unknown (was the openid scope refused?).");
        try
        {
            var payload = await JsonWebSignature.VerifySignedTokenAsync<GoogleJsonWebSignature.Payload>(idToken, Verification(), cancellationToken);
            if (string.IsNullOrWhiteSpace(payload.Email)) return Failure.Invalid("Google's id_token names no email address (was the email scope refused?).");
            if (!payload.EmailVerified) return Failure.Invalid($"Google says the address {payload.Email} is not verified.");
            return payload.Email.Trim();
        }
        catch (InvalidJwtException e)
        {
            LogIdTokenInvalid(logger, e.Message);
            return Failure.Invalid($"Google's id_token could not be verified: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            LogIdTokenInvalid(logger, e.Message);
            return Failure.Invalid($"Google's signing keys could not be fetched: {e.Message}");
        }
    }

    private SignedTokenVerificationOptions Verification()
    {
        var issuer = options.IdTokenIssuer.TrimEnd('/');
        var verification = new SignedTokenVerificationOptions
        {
            CertificatesUrl = options.CertificatesUrl,
            IssuedAtClockTolerance = ClockSkew,
            ExpiryClockTolerance = ClockSkew,
        };
        verification.TrustedAudiences.Add(options.ClientId);
        verification.TrustedIssuers.Add(issuer);
        // Google writes its issuer with and without the scheme.
        if (issuer.StartsWith("https://", StringComparison.Ordinal)) verification.TrustedIssuers.Add(issuer["https://".Length..]);
        return verification;
    }

    [LoggerMessage(LogLevel.Warning, "A consent's id_token was refused: {Reason}")]
    private static partial void LogIdTokenInvalid(ILogger logger, string reason);
}
