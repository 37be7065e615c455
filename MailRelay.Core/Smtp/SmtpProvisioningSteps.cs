using MailRelay.Core.Metrics;
using Microsoft.Extensions.Logging;

namespace MailRelay.Core.Smtp;

/// <summary>
/// What the job does with one claimed record. Pending (or retried): IAM user, sending policy and
/// access key, then the record active with the protected password; a failed attempt rolls back
/// what it created and is retried with backoff, or fails the record once it is final.
/// Deleting: the IAM user goes with everything it has, then the record; a failure keeps the
/// record Deleting and tries again later with backoff.
/// </summary>
internal sealed class SmtpProvisioningSteps(
    ISmtpUserStore smtpUserStore, ISmtpIdentityProvisioner provisioner, SmtpUserChanges changes,
    TimeProvider time, ILogger logger, MetricCounters? counters)
{
    public async Task ProvisionAsync(SmtpUser claimed, CancellationToken cancellationToken)
    {
        var user = claimed with { Status = SmtpUserStatus.Provisioning };
        if (!await smtpUserStore.UpdateSmtpUserAsync(user, claimed.Status, cancellationToken)) return;
        changes.Publish();

        var userCreated = false;
        string? newKeyId = null;
        try
        {
            var tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["mailrelay:smtp-user-id"] = user.Id, ["mailrelay:owner"] = user.OwnerUserId };
            userCreated = await provisioner.EnsureUserAsync(user.IamUserName, tags, cancellationToken);
            await provisioner.PutPolicyAsync(user.IamUserName, SendingPolicy.Build(user.AllowedFrom), cancellationToken);
            // A user that was already there may keep keys of an attempt whose rollback failed; none of them is in use.
            if (!userCreated) await provisioner.DeleteOtherAccessKeysAsync(user.IamUserName, null, cancellationToken);
            var key = await provisioner.CreateAccessKeyAsync(user.IamUserName, cancellationToken);
            newKeyId = key.AccessKeyId;
            var active = user with
            {
                Status = SmtpUserStatus.Active,
                AccessKeyId = key.AccessKeyId,
                ProtectedPassword = await changes.ProtectPasswordAsync(user.Id, key, cancellationToken),
                Attempts = user.Attempts + 1,
                NextAttemptAt = null,
                LastError = null,
                LeaseOwner = null,
                LeaseUntil = null,
            };
            if (!await smtpUserStore.UpdateSmtpUserAsync(active, SmtpUserStatus.Provisioning, cancellationToken))
            {
                // Deleted (or changed) meanwhile: the new key must not outlive this attempt.
                await provisioner.DeleteAccessKeyAsync(user.IamUserName, key.AccessKeyId, cancellationToken);
                return;
            }
            changes.Publish();
            counters?.ProvisioningOutcome("Active");
            logger.LogInformation("SMTP user {SmtpUserId} is active as {IamUserName} with key {AccessKeyId}", user.Id, user.IamUserName, key.AccessKeyId);
        }
        catch (SmtpIdentityException e)
        {
            await RollBackAsync(user, userCreated, newKeyId, cancellationToken);
            var attempts = user.Attempts + 1;
            var final = !e.IsTransient || attempts >= SmtpProvisioning.MaxAttempts;
            var now = time.GetUtcNow();
            var failed = SmtpUserChanges.WithError(user, e.Message, now) with
            {
                Status = final ? SmtpUserStatus.Failed : SmtpUserStatus.Provisioning,
                Attempts = attempts,
                NextAttemptAt = final ? null : now + SmtpProvisioning.Backoff(attempts),
            };
            if (await smtpUserStore.UpdateSmtpUserAsync(failed, SmtpUserStatus.Provisioning, cancellationToken)) changes.Publish();
            counters?.ProvisioningOutcome(final ? "Failed" : "Retrying");
            logger.LogWarning("Provisioning SMTP user {SmtpUserId} failed (attempt {Attempt}, {Outcome}): {Error}",
                user.Id, attempts, final ? "failed" : "will retry", e.Message);
        }
    }

    /// <summary>Undoes what this attempt created: a user it created goes entirely; otherwise only its new key.</summary>
    private async Task RollBackAsync(SmtpUser user, bool userCreated, string? newKeyId, CancellationToken cancellationToken)
    {
        try
        {
            if (userCreated) await provisioner.DeleteEverythingAsync(user.IamUserName, cancellationToken);
            else if (newKeyId is not null) await provisioner.DeleteAccessKeyAsync(user.IamUserName, newKeyId, cancellationToken);
        }
        catch (SmtpIdentityException e)
        {
            // The next attempt finds the user (EntityAlreadyExists) and goes on; deleting the record cleans up everything.
            logger.LogWarning("Rolling back SMTP user {SmtpUserId} failed: {Error}", user.Id, e.Message);
        }
    }

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
