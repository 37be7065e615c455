using MailRelay.Core.Configuration;

namespace MailRelay.Core.Smtp;

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

    /// <summary>
    /// The SMTP server shown in the client setup guide and used by "Send test email"; empty for SES's
    /// regional endpoint (<c>email-smtp.{Region}.amazonaws.com</c>). Set it for an SMTP relay in front of SES, or in tests.
    /// </summary>
    public string? SmtpEndpointHost { get; set; }

    /// <summary>The port of that server; it must offer STARTTLS (SES: 587, also 25 and 2587).</summary>
    public int SmtpEndpointPort { get; set; } = 587;

    /// <summary>How long "Send test email" waits for the SMTP server.</summary>
    public TimeSpan TestEmailTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Domains an SMTP user may be allowed to send from.</summary>
    public List<string> SendingDomains { get; set; } = [];
}
