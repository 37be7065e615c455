using MailRelay.Core.Domain;

namespace MailRelay.Core.Adapters.Google;

/// <summary>What the code exchange of a consent gave: the grant, or why there is none (a sentence free of secrets).</summary>
public sealed class GoogleConsentAnswer
{
    private GoogleConsentAnswer(GmailGrant? grant, string? error)
    {
        Grant = grant;
        Error = error;
    }

    public GmailGrant? Grant { get; }

    public string? Error { get; }

    public static GoogleConsentAnswer Granted(GmailGrant grant) => new(grant, null);

    public static GoogleConsentAnswer Fail(string error) => new(null, error);

    public override string ToString() => Grant is not null ? $"GoogleConsentAnswer({Grant})" : $"GoogleConsentAnswer(failed: {Error})";
}
