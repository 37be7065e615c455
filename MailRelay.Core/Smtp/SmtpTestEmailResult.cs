
namespace MailRelay.Core.Smtp;

/// <summary>A test email that was sent: whether the server accepted it, its answer, and the envelope.</summary>
public sealed record SmtpTestEmailResult(bool Accepted, string Answer, string From, string To);
