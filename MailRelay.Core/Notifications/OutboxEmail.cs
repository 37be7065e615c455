namespace MailRelay.Core.Notifications;

/// <summary>An email of the pickup folder with its decoded parts; a part the file does not have is null.</summary>
public sealed record OutboxEmail(OutboxEntry Entry, string? TextBody, string? HtmlBody);
