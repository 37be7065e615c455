namespace MailRelay.Core.Smtp;

/// <summary>Where an SMTP user is in its life: pending → provisioning → active | failed; deleting → removed.</summary>
public enum SmtpUserStatus
{
    Pending,
    Provisioning,
    Active,
    Disabled,
    Failed,
    Deleting,
}
