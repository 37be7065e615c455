namespace MailRelay.Core.Smtp;

/// <summary>The SMTP server mail clients (and the test email) connect to, with STARTTLS on <see cref="Port"/>.</summary>
public sealed record SmtpEndpoint(string Host, int Port, bool IsSes)
{
    public const int TlsPort = 465;

    public static string SesHost(string region) => $"email-smtp.{region}.amazonaws.com";

    /// <summary>SES's regional endpoint on 587, unless <c>SmtpIdentity:SmtpEndpointHost</c>/<c>SmtpEndpointPort</c> say otherwise.</summary>
    public static SmtpEndpoint Of(SmtpIdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.SmtpEndpointHost)
            ? new(SesHost(options.Region), options.SmtpEndpointPort, true)
            : new(options.SmtpEndpointHost.Trim(), options.SmtpEndpointPort, false);
    }

    public override string ToString() => $"{Host}:{Port}";
}
