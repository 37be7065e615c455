using MailRelay.Core.Common;
using MailRelay.Core.Storage;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Smtp;

/// <summary>
/// What the services that change SMTP user records share: the password is stored only protected,
/// every stored change is published as <see cref="SmtpProvisioning.ChangedKind"/>, and a record
/// left for the job wakes it.
/// </summary>
internal sealed class SmtpUserChanges(ISecretProtector protector, IOptions<SmtpIdentityOptions> options, RelayEvents events, ISmtpProvisioningScheduler? scheduler)
{
    private const int HistoryLimit = 20;

    /// <summary>The refusal when the record changed between reading and storing it.</summary>
    public static Failure ChangedMeanwhile => Failure.Conflict("The SMTP user changed meanwhile; reload and try again.");

    // The secret key lives only long enough to derive the SMTP password; only its protected form is stored.
    // Options are read on use, never when the services are built, as before: they resolve even where SmtpIdentity would not validate.
    public async Task<string> ProtectPasswordAsync(string recordId, SmtpAccessKey key, CancellationToken cancellationToken) =>
        await protector.ProtectAsync(SesSmtpPassword.FromSecretKey(key.SecretAccessKey, options.Value.Region), recordId, cancellationToken);

    /// <summary>The record with the error as its last and in its (bounded) history, and its lease released.</summary>
    public static SmtpUser WithError(SmtpUser user, string message, DateTimeOffset now) => user with
    {
        LastError = message,
        ErrorHistory = [.. user.ErrorHistory.TakeLast(HistoryLimit - 1), new SmtpUserError(now, message)],
        LeaseOwner = null,
        LeaseUntil = null,
    };

    // No user id: the change concerns admins' pages, not one user's deliveries.
    public void Publish() => events.Publish(new RelayChange(SmtpProvisioning.ChangedKind, null, null));

    public Task RunSoonAsync(CancellationToken cancellationToken) => scheduler?.RunSoonAsync(cancellationToken) ?? Task.CompletedTask;
}
