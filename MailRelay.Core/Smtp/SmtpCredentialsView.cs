namespace MailRelay.Core.Smtp;

/// <summary>What a mail client needs: the server, the SMTP user name (the access key id) and the SMTP password.</summary>
public sealed record SmtpCredentialsView(string UserName, string Password, string Region, bool WorksWithSes, SmtpEndpoint Endpoint)
{
    public override string ToString() => $"{nameof(SmtpCredentialsView)} {{ UserName = {UserName}, Password = (hidden), Region = {Region}, Endpoint = {Endpoint} }}";
}
