namespace MailRelay.Core.Options;

/// <summary>How per-user SES SMTP credentials are made (<c>SmtpIdentity</c> section).</summary>
public sealed class SmtpIdentityOptions : IPortOptions
{
    public const string SectionName = "SmtpIdentity";
    public const string Local = "Local";
    public const string Iam = "Iam";

    public string PortName => SectionName;

    /// <summary>Local (default): random key pairs that do not work against SES. Iam: IAM users with SES sending keys.</summary>
    public string Provider { get; set; } = Local;

    /// <summary>The SES region the SMTP password is derived for.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>IAM endpoint override (tests, the fake IAM); empty for AWS's global endpoint.</summary>
    public string? IamServiceUrl { get; set; }

    /// <summary>Domains an SMTP user may be allowed to send from.</summary>
    public List<string> SendingDomains { get; set; } = [];
}
