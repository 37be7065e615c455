using MailRelay.Core.Metrics;
using Microsoft.Extensions.Logging;

namespace MailRelay.Core.Smtp;

/// <summary>
/// The job's step for a record marked Deleting: the IAM user goes with everything it has, then
/// the record. A failure keeps the record Deleting and tries again later with backoff.
/// </summary>
internal sealed class SmtpUserCleanup(
    ISmtpUserStore smtpUserStore, ISmtpIdentityProvisioner provisioner, SmtpUserChanges changes,
    TimeProvider time, ILogger logger, MetricCounters? counters)
{
    public async Task CleanUpAsync(SmtpUser user, CancellationToken cancellationToken)
    {
        try
        {
            await provisioner.DeleteEverythingAsync(user.IamUserName, cancellationToken);
            if (await smtpUserStore.DeleteSmtpUserAsync(user.Id, SmtpUserStatus.Deleting, cancellationToken)) changes.Publish();
            counters?.ProvisioningOutcome("Deleted");
            logger.LogInformation("SMTP user {SmtpUserId} and IAM user {IamUserName} are deleted", user.Id, user.IamUserName);
        }
        catch (SmtpIdentityException e)
        {
            var now = time.GetUtcNow();
            var attempts = user.Attempts + 1;
            var retrying = SmtpUserChanges.WithError(user, e.Message, now) with
            {
                Attempts = attempts,
                NextAttemptAt = now + SmtpProvisioning.Backoff(Math.Min(attempts, SmtpProvisioning.MaxAttempts)),
            };
            if (await smtpUserStore.UpdateSmtpUserAsync(retrying, SmtpUserStatus.Deleting, cancellationToken)) changes.Publish();
            counters?.ProvisioningOutcome("DeleteRetrying");
            logger.LogWarning("Deleting SMTP user {SmtpUserId} failed (attempt {Attempt}): {Error}", user.Id, attempts, e.Message);
        }
    }
}
