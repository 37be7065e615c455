namespace MailRelay.Core.Forwarding;

/// <summary>The folder-per-user mailboxes of local delivery, for a user's My queue page.</summary>
public interface ILocalMailboxes
{
    /// <summary>The user's delivered files, newest first; none when nothing was delivered locally.</summary>
    IReadOnlyList<FileInfo> List(string userId);
}
