namespace MailRelay.Core.Outbound;

/// <summary>
/// SES events of one SMTP credential on one day (UTC). <see cref="SmtpUserId"/> is empty for events
/// whose sender matched no credential.
/// </summary>
public sealed record OutboundUsageRow(DateOnly Day, string SmtpUserId, int Sends, int Deliveries, int Bounces, int Complaints);
