using MailRelay.Core.Common;

namespace MailRelay.Core.Notifications;

/// <summary>
/// The emails MailRelay wrote to users and admins, for the admin Outbox page. Local: the pickup
/// folder's <c>.eml</c> files; with SMTP delivery the same folder stays empty.
/// </summary>
public interface IOutbox
{
    /// <summary>Where the emails are, for the page to say (a folder path).</summary>
    string Location { get; }

    /// <summary>Newest first.</summary>
    Task<Page<OutboxEntry>> ListAsync(int skip, int take, CancellationToken cancellationToken);

    /// <summary>One email with its text and HTML bodies, or null when there is none of that name.</summary>
    Task<OutboxEmail?> ReadAsync(string fileName, CancellationToken cancellationToken);
}
