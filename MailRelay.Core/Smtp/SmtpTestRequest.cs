namespace MailRelay.Core.Smtp;

/// <summary>One test message: where to send it, with which login, from whom to whom.</summary>
public sealed record SmtpTestRequest(string Host, int Port, string UserName, string Password, string From, string To, string Subject, string Body, TimeSpan Timeout)
{
    public override string ToString() => $"{nameof(SmtpTestRequest)} {{ {Host}:{Port} as {UserName}, From = {From}, To = {To} }}";
}
