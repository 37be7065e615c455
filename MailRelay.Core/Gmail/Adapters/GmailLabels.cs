
namespace MailRelay.Core.Gmail.Adapters;

/// <summary>The system labels an imported message gets.</summary>
public static class GmailLabels
{
    public const string Inbox = "INBOX";
    public const string Unread = "UNREAD";
    public const string Spam = "SPAM";

    /// <summary>
    /// INBOX and UNREAD; spam goes to SPAM instead of INBOX, because Gmail refuses a message that
    /// carries more than one of INBOX, SPAM and TRASH ("Can only add one of: INBOX, SPAM, TRASH").
    /// </summary>
    public static IReadOnlyList<string> For(bool markAsSpam) => markAsSpam ? [Spam, Unread] : [Inbox, Unread];
}
