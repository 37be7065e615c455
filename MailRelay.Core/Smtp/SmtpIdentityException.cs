namespace MailRelay.Core.Smtp;

/// <summary>A provisioning step failed. Messages never carry a secret.</summary>
public sealed class SmtpIdentityException(string message, bool isTransient, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>Throttling, time-outs, service failures: trying again later can help.</summary>
    public bool IsTransient { get; } = isTransient;
}
