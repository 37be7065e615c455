namespace MailRelay.Core.Notifications;

/// <summary>
/// The SMTP server notifications go to (<c>Notifications:Smtp</c>); in production the SES SMTP
/// endpoint, e.g. <c>email-smtp.eu-west-1.amazonaws.com</c> with an SES SMTP user.
/// </summary>
public sealed class SmtpNotificationOptions
{
    public string? Host { get; set; }

    /// <summary>587 is SMTP submission with STARTTLS, which SES supports.</summary>
    public int Port { get; set; } = 587;

    /// <summary>
    /// TLS before authenticating: STARTTLS, or TLS from the start on port 465 (the server's
    /// certificate is checked against the system's trust store). A server that does not offer
    /// STARTTLS then never gets the password. Turn it off only for a relay on a trusted network:
    /// without it the password crosses the network in clear.
    /// </summary>
    public bool UseStartTls { get; set; } = true;

    public string? Username { get; set; }

    /// <summary>The SMTP password. Keep it out of appsettings (environment variable <c>Notifications__Smtp__Password</c>); it is never logged.</summary>
    public string? Password { get; set; }

    /// <summary>How long one email may take to hand over, connection included; also the limit for each read and write.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
