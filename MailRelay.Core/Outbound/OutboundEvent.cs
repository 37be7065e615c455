namespace MailRelay.Core.Outbound;

/// <summary>
/// One SES event about mail sent with an SMTP credential. <see cref="SesMessageId"/> and
/// <see cref="Type"/> identify it: SES may deliver the same event more than once.
/// </summary>
/// <param name="CallerIdentity">The IAM user that sent the mail (<c>mail.tags["ses:caller-identity"]</c>), when present.</param>
/// <param name="Source">The envelope sender (<c>mail.source</c>), used when the caller identity is missing.</param>
/// <param name="Detail">For bounces the bounce type and sub-type, for complaints the feedback type.</param>
/// <param name="Recipients">How many recipients the event is about (bounced or complained recipients).</param>
public sealed record OutboundEvent(
    string SesMessageId,
    OutboundEventType Type,
    DateTimeOffset At,
    string? CallerIdentity,
    string? Source,
    string? Detail,
    int Recipients);
