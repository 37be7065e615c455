namespace MailRelay.Core.Gmail;

/// <summary>The Gmail API scope MailRelay asks for: importing messages into the user's mailbox, nothing more.</summary>
public static class GmailScopes
{
    public const string Insert = "https://www.googleapis.com/auth/gmail.insert";
}
