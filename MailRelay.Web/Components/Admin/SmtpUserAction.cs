namespace MailRelay.Web.Components.Admin;

/// <summary>What an admin can do to one SMTP user from its row.</summary>
public enum SmtpUserAction
{
    Retry,
    Disable,
    Enable,
    Rotate,
    Delete,
    Reveal,
}
