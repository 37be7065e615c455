using MailRelay.Core.Domain;

namespace MailRelay.Core.Ports;

/// <summary>What the code exchange of a consent gave: the grant, or why there is none (a sentence free of secrets).</summary>
public sealed class GmailConsentAnswer
{
    private GmailConsentAnswer(GmailGrant? grant, string? error)
    {
        Grant = grant;
        Error = error;
    }

    public GmailGrant? Grant { get; }

    public string? Error { get; }

    public static GmailConsentAnswer Granted(GmailGrant grant) => new(grant, null);

    public static GmailConsentAnswer Fail(string error) => new(null, error);

    public override string ToString() => Grant is not null ? $"GmailConsentAnswer({Grant})" : $"GmailConsentAnswer(failed: {Error})";
}
