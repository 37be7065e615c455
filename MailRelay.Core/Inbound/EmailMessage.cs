namespace MailRelay.Core.Inbound;

/// <summary>An email ready to send: one recipient, a subject, and the same content as HTML and as plain text.</summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody, string TextBody);
