namespace MailRelay.Core.Services.SmtpCredentials;

/// <summary>What "Send test email" did: whether the server accepted it, its answer (or why nothing was sent), and the envelope.</summary>
public sealed record SmtpTestEmailResult(bool Accepted, string Answer, string? From, string? To)
{
    /// <summary>Nothing was sent: the record cannot send a test (state, owner, allowed addresses).</summary>
    public static SmtpTestEmailResult Refused(string why) => new(false, why, null, null);
}
