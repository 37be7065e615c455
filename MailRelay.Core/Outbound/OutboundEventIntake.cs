using MailRelay.Core.Common;
using MailRelay.Core.Smtp;

namespace MailRelay.Core.Outbound;

/// <summary>
/// Records SES events against the SMTP credential that sent the mail: by the IAM user SES names as
/// the caller identity, else by the From address the credential is allowed to use (exact before
/// <c>*@domain</c>). An event no credential matches is still recorded, under an empty id.
/// </summary>
public sealed class OutboundEventIntake(IUsageStore usageStore, ISmtpUserStore smtpUserStore, RelayEvents events, SendingRates rates)
{
    /// <summary>The <see cref="RelayChange.Kind"/> published when events were recorded.</summary>
    public const string ChangedKind = "outbound.changed";

    /// <summary>Records each event; returns how many were new (a redelivered event is not counted again).</summary>
    public async Task<int> RecordAsync(IReadOnlyList<OutboundEvent> outboundEvents, CancellationToken cancellationToken)
    {
        if (outboundEvents.Count == 0) return 0;
        var credentials = await LoadCredentialsAsync(cancellationToken);
        var recorded = 0;
        foreach (var outboundEvent in outboundEvents)
        {
            if (await usageStore.RecordOutboundEventAsync(outboundEvent, Match(credentials, outboundEvent), cancellationToken)) recorded++;
        }
        if (recorded > 0)
        {
            rates.Invalidate();
            events.Publish(new RelayChange(ChangedKind, null, null));
        }
        return recorded;
    }

    /// <summary>The id of the credential that sent the mail, or empty.</summary>
    public static string Match(IReadOnlyList<SmtpUser> credentials, OutboundEvent outboundEvent)
    {
        if (outboundEvent.CallerIdentity is { Length: > 0 } caller
            && credentials.FirstOrDefault(c => string.Equals(c.IamUserName, caller, StringComparison.Ordinal)) is { } byCaller)
            return byCaller.Id;
        if (outboundEvent.Source is not { } source || source.LastIndexOf('@') is var at && at < 1) return "";
        var wildcard = "*@" + source[(at + 1)..];
        return (credentials.FirstOrDefault(c => c.AllowedFrom.Contains(source, StringComparer.OrdinalIgnoreCase))
            ?? credentials.FirstOrDefault(c => c.AllowedFrom.Contains(wildcard, StringComparer.OrdinalIgnoreCase)))?.Id ?? "";
    }

    private async Task<IReadOnlyList<SmtpUser>> LoadCredentialsAsync(CancellationToken cancellationToken)
    {
        const int take = 500;
        var all = new List<SmtpUser>();
        for (string? after = null; ; )
        {
            var page = await smtpUserStore.ListSmtpUsersAsync(new SmtpUserQuery(Skip: all.Count, Take: take, After: after), cancellationToken);
            all.AddRange(page.Items);
            if (page.Next is null) return all;
            after = page.Next;
        }
    }
}
