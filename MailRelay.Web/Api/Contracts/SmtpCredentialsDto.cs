using MailRelay.Core.Smtp;

namespace MailRelay.Web.Api.Contracts;

/// <summary>What <c>POST /api/admin/smtp-users/{id}/reveal</c> shows: the login and where to use it.</summary>
public sealed record SmtpCredentialsDto(string UserName, string Password, string Host, int Port, string Security, int? TlsPort, string Region, bool WorksWithSes)
{
    public static SmtpCredentialsDto Of(SmtpCredentialsView credentials) => new(
        credentials.UserName, credentials.Password, credentials.Endpoint.Host, credentials.Endpoint.Port, "STARTTLS",
        credentials.Endpoint.IsSes ? SmtpEndpoint.TlsPort : null, credentials.Region, credentials.WorksWithSes);

    // A record's generated ToString would print the password into any log line that formats it.
    public override string ToString() => $"{nameof(SmtpCredentialsDto)} {{ UserName = {UserName}, Password = (hidden), Host = {Host}, Port = {Port} }}";
}
