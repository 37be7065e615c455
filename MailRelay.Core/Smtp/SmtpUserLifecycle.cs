using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Smtp;

/// <summary>
/// The admin actions that move an SMTP user's state machine: retry, delete, disable, enable and
/// rotate. Each is audited, and each answers with the record as stored by it, NotFound for an
/// unknown id, or Conflict when its state (or IAM) refuses. Retry and delete leave the record to
/// the job (<see cref="SmtpProvisioning.ProcessDueAsync"/>) and wake it.
/// </summary>
public sealed class SmtpUserLifecycle(
    ISmtpUserStore smtpUserStore,
    ISmtpIdentityProvisioner provisioner,
    ISecretProtector protector,
    AuditLog audit,
    RelayEvents events,
    IOptions<SmtpIdentityOptions> options,
    TimeProvider time,
    ILogger<SmtpUserLifecycle> logger,
    ISmtpProvisioningScheduler? scheduler = null)
{
    private readonly SmtpUserChanges _changes = new(protector, options, events, scheduler);

    public Task<Result<SmtpUser>> RetryAsync(string actorId, string id, CancellationToken cancellationToken) =>
        ChangeAsync(actorId, id, AuditActions.SmtpUserRetry, [SmtpUserStatus.Failed], u => Task.FromResult<SmtpUser?>(u with
        {
            Status = SmtpUserStatus.Pending, Attempts = 0, NextAttemptAt = null, LeaseOwner = null, LeaseUntil = null,
        }), "Only failed SMTP users can be retried.", cancellationToken);

    /// <summary>Marks the record Deleting; the job removes the IAM user and then the record.</summary>
    public Task<Result<SmtpUser>> DeleteAsync(string actorId, string id, CancellationToken cancellationToken) =>
        ChangeAsync(actorId, id, AuditActions.SmtpUserDelete,
            [SmtpUserStatus.Pending, SmtpUserStatus.Provisioning, SmtpUserStatus.Active, SmtpUserStatus.Disabled, SmtpUserStatus.Failed],
            u => Task.FromResult<SmtpUser?>(u with { Status = SmtpUserStatus.Deleting, Attempts = 0, NextAttemptAt = null, LeaseOwner = null, LeaseUntil = null }),
            "This SMTP user is already being deleted.", cancellationToken);

    public Task<Result<SmtpUser>> DisableAsync(string actorId, string id, CancellationToken cancellationToken) =>
        ChangeAsync(actorId, id, AuditActions.SmtpUserDisable, [SmtpUserStatus.Active], async u =>
        {
            await provisioner.SetAccessKeyActiveAsync(u.IamUserName, u.AccessKeyId!, false, cancellationToken);
            return u with { Status = SmtpUserStatus.Disabled };
        }, "Only active SMTP users can be disabled.", cancellationToken);

    public Task<Result<SmtpUser>> EnableAsync(string actorId, string id, CancellationToken cancellationToken) =>
        ChangeAsync(actorId, id, AuditActions.SmtpUserEnable, [SmtpUserStatus.Disabled], async u =>
        {
            await provisioner.SetAccessKeyActiveAsync(u.IamUserName, u.AccessKeyId!, true, cancellationToken);
            return u with { Status = SmtpUserStatus.Active };
        }, "Only disabled SMTP users can be enabled.", cancellationToken);

    /// <summary>New key, switch the stored password to it, then delete the old key.</summary>
    public async Task<Result<SmtpUser>> RotateAsync(string actorId, string id, CancellationToken cancellationToken)
    {
        var user = await smtpUserStore.FindSmtpUserAsync(id, cancellationToken);
        if (user is null) return SmtpProvisioning.NoSuchUser;
        if (user.Status != SmtpUserStatus.Active) return Failure.Conflict("Only active SMTP users can be rotated.");
        SmtpUser rotated;
        try
        {
            await provisioner.DeleteOtherAccessKeysAsync(user.IamUserName, user.AccessKeyId, cancellationToken);
            var key = await provisioner.CreateAccessKeyAsync(user.IamUserName, cancellationToken);
            rotated = user with
            {
                AccessKeyId = key.AccessKeyId,
                ProtectedPassword = await _changes.ProtectPasswordAsync(user.Id, key, cancellationToken),
                LastRotatedAt = time.GetUtcNow(),
            };
            if (!await smtpUserStore.UpdateSmtpUserAsync(rotated, SmtpUserStatus.Active, cancellationToken))
            {
                await provisioner.DeleteAccessKeyAsync(user.IamUserName, key.AccessKeyId, cancellationToken);
                return SmtpUserChanges.ChangedMeanwhile;
            }
            if (user.AccessKeyId is { } old) await provisioner.DeleteAccessKeyAsync(user.IamUserName, old, cancellationToken);
        }
        catch (SmtpIdentityException e)
        {
            logger.LogWarning("Rotating SMTP user {SmtpUserId} failed: {Error}", id, e.Message);
            return Failure.Conflict($"Rotation failed: {e.Message}");
        }
        await audit.RecordAsync(actorId, AuditActions.SmtpUserRotate, id, null, cancellationToken);
        _changes.Publish();
        return rotated;
    }

    /// <summary>The shared shape of the simple actions: check the state, change (IAM first), store only if nobody changed it meanwhile, audit.</summary>
    private async Task<Result<SmtpUser>> ChangeAsync(string actorId, string id, string action, IReadOnlyCollection<SmtpUserStatus> from,
        Func<SmtpUser, Task<SmtpUser?>> change, string refusal, CancellationToken cancellationToken)
    {
        var user = await smtpUserStore.FindSmtpUserAsync(id, cancellationToken);
        if (user is null) return SmtpProvisioning.NoSuchUser;
        if (!from.Contains(user.Status)) return Failure.Conflict(refusal);
        SmtpUser? changed;
        try
        {
            changed = await change(user);
        }
        catch (SmtpIdentityException e)
        {
            logger.LogWarning("{Action} on SMTP user {SmtpUserId} failed: {Error}", action, id, e.Message);
            return Failure.Conflict(e.Message);
        }
        if (changed is null || !await smtpUserStore.UpdateSmtpUserAsync(changed, user.Status, cancellationToken))
            return SmtpUserChanges.ChangedMeanwhile;
        await audit.RecordAsync(actorId, action, id, null, cancellationToken);
        _changes.Publish();
        if (changed.Status is SmtpUserStatus.Pending or SmtpUserStatus.Deleting) await _changes.RunSoonAsync(cancellationToken);
        return changed;
    }
}
