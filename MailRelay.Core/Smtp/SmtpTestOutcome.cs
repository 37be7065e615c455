namespace MailRelay.Core.Smtp;

/// <summary>Whether the server took the message, and its answer in words (the SMTP reply when it refused).</summary>
public sealed record SmtpTestOutcome(bool Accepted, string Answer);
