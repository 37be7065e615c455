using MailRelay.Core.Common;

namespace MailRelay.Core.Smtp;

/// <summary>Reading SMTP users for the pages and the API: never a secret beyond the protected form the record holds.</summary>
public sealed class SmtpUserLookup(ISmtpUserStore smtpUserStore)
{
    /// <summary>One page of the records the query matches, its paging clamped to the limits every list has.</summary>
    public Task<Page<SmtpUser>> ListAsync(SmtpUserQuery query, CancellationToken cancellationToken) =>
        smtpUserStore.ListSmtpUsersAsync(query with
        {
            Take = Paging.Take(query.Take), Skip = Paging.Skip(query.Skip), After = string.IsNullOrWhiteSpace(query.After) ? null : query.After.Trim(),
        }, cancellationToken);

    public Task<SmtpUser?> FindAsync(string id, CancellationToken cancellationToken) => smtpUserStore.FindSmtpUserAsync(id, cancellationToken);
}
