using System.Globalization;
using System.Text;
using MailRelay.Core.Notifications;

namespace MailRelay.Web.Emails;

/// <summary>
/// The subject and the plain-text part of each notice email. The text says what the HTML
/// component of the same kind says, in the same order, for clients that show no HTML.
/// </summary>
public static class NoticeTexts
{
    public static string Subject(Notice notice)
    {
        var gmail = OneLine(notice.GmailAddress);
        return notice.Kind switch
        {
            NoticeKind.ExpiresTomorrow => $"Your Gmail connection for {gmail} expires tomorrow",
            NoticeKind.HavingTrouble => $"MailRelay is having trouble reaching {gmail}",
            NoticeKind.ConnectionLost => $"Gmail connection lost: mail for {gmail} is waiting",
            NoticeKind.PleaseReconnect => $"Please reconnect your Gmail account {gmail}",
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice.Kind, "Unknown notice kind."),
        };
    }

    public static string PlainText(Notice notice)
    {
        var text = new StringBuilder();
        text.Append("Hello ").Append(notice.RecipientName).Append(",\n\n");
        var gmail = notice.GmailAddress;
        string button;
        switch (notice.Kind)
        {
            case NoticeKind.ExpiresTomorrow:
                Paragraph(text, $"Google lets MailRelay deliver to {gmail} only for a limited time. The current permission ends on {When(notice.ExpiresAt)}, about a day from now.");
                Paragraph(text, "What to do: reconnect Gmail before then. It takes a minute: open My Gmail and allow access again in Google's window. Your mail then keeps arriving without a pause.");
                Paragraph(text, "If you do not, no mail is lost: new messages wait in your MailRelay queue and are delivered as soon as you reconnect.");
                button = "Reconnect Gmail";
                break;
            case NoticeKind.HavingTrouble:
                Paragraph(text, $"MailRelay could not deliver to your Gmail account {gmail}: {Attempts(notice.AttemptCount)} in a row failed.");
                Reason(text, "What went wrong", notice.Reason);
                Paragraph(text, "What to do: nothing yet. This is usually temporary, and MailRelay keeps trying on its own. No mail is lost: it waits in your MailRelay queue meanwhile.");
                Paragraph(text, "If it keeps happening, reconnecting Gmail often fixes it.");
                button = "Check my Gmail connection";
                break;
            case NoticeKind.ConnectionLost:
                Paragraph(text, $"MailRelay tried {Times(notice.AttemptCount)} in a row and could not deliver to {gmail}, so it has stopped trying for now.");
                Reason(text, "What went wrong", notice.Reason);
                Paragraph(text, "Your mail is safe: new messages wait in your MailRelay queue.");
                Paragraph(text, "What to do: reconnect Gmail. Everything that waited is delivered right after.");
                button = "Reconnect Gmail";
                break;
            case NoticeKind.PleaseReconnect:
                Paragraph(text, $"Google no longer accepts MailRelay's permission to deliver to {gmail}, so delivery has stopped. This happens when access was removed in your Google account, the permission expired, or your password changed.");
                Reason(text, "Google's reason", notice.Reason);
                Paragraph(text, "What to do: reconnect Gmail now and allow access again. Mail that arrived meanwhile waits in your MailRelay queue and is delivered right after.");
                button = "Reconnect now";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(notice), notice.Kind, "Unknown notice kind.");
        }
        Paragraph(text, $"{button}: {notice.ReconnectUrl.AbsoluteUri}");
        text.Append("-- \n")
            .Append($"You get this email because the Gmail account {gmail} is connected to MailRelay. MailRelay sends it on its own; replies are not read.\n");
        return text.ToString();
    }

    /// <summary>"Tuesday 24 November 2026, 09:30 UTC": we do not know the reader's time zone, so UTC, said plainly.</summary>
    public static string When(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("dddd d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture) : "tomorrow";

    /// <summary>"1 attempt", "2 attempts".</summary>
    public static string Attempts(int count) => count <= 1 ? "1 attempt" : $"{count} attempts";

    /// <summary>"once", "3 times".</summary>
    public static string Times(int count) => count <= 1 ? "once" : $"{count} times";

    private static void Paragraph(StringBuilder text, string paragraph) => text.Append(paragraph).Append("\n\n");

    private static void Reason(StringBuilder text, string label, string? reason)
    {
        if (!string.IsNullOrWhiteSpace(reason)) Paragraph(text, $"{label}: {reason}");
    }

    /// <summary>A header must stay on one line, whatever the value holds.</summary>
    private static string OneLine(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) ? ' ' : c)).Trim();
}
