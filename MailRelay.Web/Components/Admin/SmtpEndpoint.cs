namespace MailRelay.Web.Components.Admin;

/// <summary>The SES SMTP interface a mail client connects to.</summary>
public static class SmtpEndpoint
{
    public const int StartTlsPort = 587;
    public const int TlsPort = 465;

    public static string Host(string region) => $"email-smtp.{region}.amazonaws.com";
}
