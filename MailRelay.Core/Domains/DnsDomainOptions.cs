namespace MailRelay.Core.Domains;

/// <summary>One domain's SES identity tokens, as the Terraform outputs give them.</summary>
public sealed class DnsDomainOptions
{
    /// <summary>The SES domain verification token (the <c>_amazonses</c> TXT value).</summary>
    public string? VerificationToken { get; set; }

    /// <summary>The three Easy DKIM tokens.</summary>
    public List<string> DkimTokens { get; set; } = [];
}
