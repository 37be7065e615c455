namespace MailRelay.Core.Smtp;

/// <summary>One failed provisioning or cleanup attempt, kept for the failed-provisioning view.</summary>
public sealed record SmtpUserError(DateTimeOffset At, string Message);
