using MailKit.Net.Smtp;
using MailKit.Security;

namespace MailRelay.Core.Infrastructure.Smtp;

/// <summary>The server's own reply inside a MailKit exception, written as the server sent it: code, then text.</summary>
internal static class SmtpReplies
{
    /// <summary>E.g. <c>535 5.7.8 Authentication Credentials Invalid</c>; null when the exception carries no reply.</summary>
    public static string? Of(Exception exception) => exception switch
    {
        SmtpCommandException refused => $"{(int)refused.StatusCode} {refused.Message}",
        // MailKit keeps the refused AUTH reply in its cause; its own message is "535: text".
        AuthenticationException { InnerException: SmtpCommandException refused } => $"{(int)refused.StatusCode} {refused.Message}",
        AuthenticationException refused => refused.Message,
        _ => null,
    };
}
