using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Domains;
using MailRelay.Core.Gmail;
using MailRelay.Core.Metrics;
using MailRelay.Core.Outbound;
using MailRelay.Core.Users;
using MailRelay.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MailRelay.Core.Smtp.Adapters;

namespace MailRelay.Core.Smtp;

/// <summary>
/// The SMTP user state machine. Admin actions (create, retry, delete, rotate, disable, enable,
/// reveal) are audited; <see cref="ProcessDueAsync"/> (the job) leases due records and moves them on:
/// pending → provisioning → active, or failed after <see cref="MaxAttempts"/> attempts with
/// exponential backoff; deleting → cleanup → record removed. A failed attempt rolls back what it
/// created. The secret key only lives in memory long enough to derive the SMTP password, which is
/// stored only through <see cref="ISecretProtector"/>. Every stored change is published on
/// <see cref="RelayEvents"/> as <see cref="ChangedKind"/>, so open SMTP user pages follow the job live.
/// </summary>
public sealed class SmtpProvisioning(
    IUserStore userStore, ISmtpUserStore smtpUserStore,
    ISmtpIdentityProvisioner provisioner,
    ISecretProtector protector,
    AuditLog audit,
    RelayEvents events,
    IOptions<SmtpIdentityOptions> options,
    TimeProvider time,
    ILogger<SmtpProvisioning> logger,
    ISmtpProvisioningScheduler? scheduler = null,
    MetricCounters? counters = null)
{
    /// <summary>The <see cref="RelayChange.Kind"/> published when an SMTP user is created, moves on, changes or is removed.</summary>
    public const string ChangedKind = "smtp-users.changed";

    public const int MaxAttempts = 5;
    public const string IamUserPrefix = "mailrelay-";
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMinutes(1);
    private const int HistoryLimit = 20;

    /// <summary>The new record; Invalid for a missing name, an unknown owner or addresses it may not send as.</summary>
    public async Task<Result<SmtpUser>> CreateAsync(string actorId, string name, string ownerUserId, IEnumerable<string> allowedFrom, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name)) return Failure.Invalid("Give the SMTP user a name.");
        if (await userStore.FindUserAsync(ownerUserId, cancellationToken) is null) return Failure.Invalid($"There is no user '{ownerUserId}'.");
        var addresses = FromAddressRules.Normalize(allowedFrom, options.Value.SendingDomains);
        if (!addresses.IsSuccess) return addresses.Failure;

        var id = Guid.NewGuid().ToString("N");
        var user = SmtpUser.New(id, name.Trim(), ownerUserId, addresses.Value, IamUserPrefix + id, time.GetUtcNow());
        if (!await smtpUserStore.CreateSmtpUserAsync(user, cancellationToken)) return Failure.Conflict("An SMTP user with this id already exists; try again.");
        await audit.RecordAsync(actorId, AuditActions.SmtpUserCreate, id, $"{user.Name} for {ownerUserId}: {string.Join(", ", user.AllowedFrom)}", cancellationToken);
        Publish();
        await RunSoonAsync(cancellationToken);
        return user;
    }

    /// <summary>Works through the records that are due; returns how many were handled.</summary>
    public async Task<int> ProcessDueAsync(string owner, int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await smtpUserStore.ClaimDueSmtpUsersAsync(owner, now, now + Lease, max, cancellationToken);
        foreach (var user in claimed)
        {
            if (user.Status == SmtpUserStatus.Deleting) await CleanUpAsync(user, cancellationToken);
            else await ProvisionAsync(user, cancellationToken);
        }
        return claimed.Count;
    }

    /// <summary>Each state-machine action answers with the record as stored by it, NotFound for an unknown id, or Conflict when its state (or IAM) refuses.</summary>
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
        if (user is null) return NoSuchUser;
        if (user.Status != SmtpUserStatus.Active) return Failure.Conflict("Only active SMTP users can be rotated.");
        SmtpUser rotated;
        try
        {
            await provisioner.DeleteOtherAccessKeysAsync(user.IamUserName, user.AccessKeyId, cancellationToken);
            var key = await provisioner.CreateAccessKeyAsync(user.IamUserName, cancellationToken);
            rotated = user with
            {
                AccessKeyId = key.AccessKeyId,
                ProtectedPassword = await ProtectPasswordAsync(user.Id, key, cancellationToken),
                LastRotatedAt = time.GetUtcNow(),
            };
            if (!await smtpUserStore.UpdateSmtpUserAsync(rotated, SmtpUserStatus.Active, cancellationToken))
            {
                await provisioner.DeleteAccessKeyAsync(user.IamUserName, key.AccessKeyId, cancellationToken);
                return ChangedMeanwhile;
            }
            if (user.AccessKeyId is { } old) await provisioner.DeleteAccessKeyAsync(user.IamUserName, old, cancellationToken);
        }
        catch (SmtpIdentityException e)
        {
            logger.LogWarning("Rotating SMTP user {SmtpUserId} failed: {Error}", id, e.Message);
            return Failure.Conflict($"Rotation failed: {e.Message}");
        }
        await audit.RecordAsync(actorId, AuditActions.SmtpUserRotate, id, null, cancellationToken);
        Publish();
        return rotated;
    }

    /// <summary>The SMTP user name and password in clear, for the admin who asks (audited); NotFound, or Conflict while it has none.</summary>
    public async Task<Result<SmtpCredentialsView>> RevealAsync(string actorId, string id, CancellationToken cancellationToken)
    {
        var user = await smtpUserStore.FindSmtpUserAsync(id, cancellationToken);
        if (user is null) return NoSuchUser;
        if (user is not { AccessKeyId: { } keyId, ProtectedPassword: { } protectedPassword })
            return Failure.Conflict("This SMTP user has no credentials yet (or any more); wait until it is active.");
        var password = await protector.UnprotectAsync(protectedPassword, user.Id, cancellationToken);
        await audit.RecordAsync(actorId, AuditActions.SmtpUserReveal, id, null, cancellationToken);
        return new SmtpCredentialsView(keyId, password, options.Value.Region, provisioner.IssuesRealCredentials, SmtpEndpoint.Of(options.Value));
    }

    public Task<Page<SmtpUser>> ListAsync(SmtpUserQuery query, CancellationToken cancellationToken) =>
        smtpUserStore.ListSmtpUsersAsync(query with { Take = Paging.Take(query.Take), Skip = Paging.Skip(query.Skip) }, cancellationToken);

    public Task<SmtpUser?> FindAsync(string id, CancellationToken cancellationToken) => smtpUserStore.FindSmtpUserAsync(id, cancellationToken);

    /// <summary>True when the credentials can sign in to SES (false on the local adapter, so the pages can say so).</summary>
    public bool IssuesRealCredentials => provisioner.IssuesRealCredentials;

    private async Task ProvisionAsync(SmtpUser claimed, CancellationToken cancellationToken)
    {
        var user = claimed with { Status = SmtpUserStatus.Provisioning };
        if (!await smtpUserStore.UpdateSmtpUserAsync(user, claimed.Status, cancellationToken)) return;
        Publish();

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
                ProtectedPassword = await ProtectPasswordAsync(user.Id, key, cancellationToken),
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
            Publish();
            counters?.ProvisioningOutcome("Active");
            logger.LogInformation("SMTP user {SmtpUserId} is active as {IamUserName} with key {AccessKeyId}", user.Id, user.IamUserName, key.AccessKeyId);
        }
        catch (SmtpIdentityException e)
        {
            await RollBackAsync(user, userCreated, newKeyId, cancellationToken);
            var attempts = user.Attempts + 1;
            var final = !e.IsTransient || attempts >= MaxAttempts;
            var now = time.GetUtcNow();
            var failed = WithError(user, e.Message, now) with
            {
                Status = final ? SmtpUserStatus.Failed : SmtpUserStatus.Provisioning,
                Attempts = attempts,
                NextAttemptAt = final ? null : now + Backoff(attempts),
            };
            if (await smtpUserStore.UpdateSmtpUserAsync(failed, SmtpUserStatus.Provisioning, cancellationToken)) Publish();
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

    private async Task CleanUpAsync(SmtpUser user, CancellationToken cancellationToken)
    {
        try
        {
            await provisioner.DeleteEverythingAsync(user.IamUserName, cancellationToken);
            if (await smtpUserStore.DeleteSmtpUserAsync(user.Id, SmtpUserStatus.Deleting, cancellationToken)) Publish();
            counters?.ProvisioningOutcome("Deleted");
            logger.LogInformation("SMTP user {SmtpUserId} and IAM user {IamUserName} are deleted", user.Id, user.IamUserName);
        }
        catch (SmtpIdentityException e)
        {
            var now = time.GetUtcNow();
            var attempts = user.Attempts + 1;
            if (await smtpUserStore.UpdateSmtpUserAsync(WithError(user, e.Message, now) with { Attempts = attempts, NextAttemptAt = now + Backoff(Math.Min(attempts, MaxAttempts)) },
                    SmtpUserStatus.Deleting, cancellationToken))
                Publish();
            counters?.ProvisioningOutcome("DeleteRetrying");
            logger.LogWarning("Deleting SMTP user {SmtpUserId} failed (attempt {Attempt}): {Error}", user.Id, attempts, e.Message);
        }
    }

    /// <summary>1, 2, 4, 8… minutes after the attempt.</summary>
    public static TimeSpan Backoff(int attempts) => FirstBackoff * Math.Pow(2, Math.Max(0, attempts - 1));

    private async Task<string> ProtectPasswordAsync(string recordId, SmtpAccessKey key, CancellationToken cancellationToken) =>
        await protector.ProtectAsync(SesSmtpPassword.FromSecretKey(key.SecretAccessKey, options.Value.Region), recordId, cancellationToken);

    private static SmtpUser WithError(SmtpUser user, string message, DateTimeOffset now) => user with
    {
        LastError = message,
        ErrorHistory = [.. user.ErrorHistory.TakeLast(HistoryLimit - 1), new SmtpUserError(now, message)],
        LeaseOwner = null,
        LeaseUntil = null,
    };

    /// <summary>The refusal for an id that is no SMTP user (never was, or deleted meanwhile).</summary>
    public static Failure NoSuchUser => Failure.NotFound("There is no such SMTP user.");

    private static Failure ChangedMeanwhile => Failure.Conflict("The SMTP user changed meanwhile; reload and try again.");

    private async Task<Result<SmtpUser>> ChangeAsync(string actorId, string id, string action, IReadOnlyCollection<SmtpUserStatus> from,
        Func<SmtpUser, Task<SmtpUser?>> change, string refusal, CancellationToken cancellationToken)
    {
        var user = await smtpUserStore.FindSmtpUserAsync(id, cancellationToken);
        if (user is null) return NoSuchUser;
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
            return ChangedMeanwhile;
        await audit.RecordAsync(actorId, action, id, null, cancellationToken);
        Publish();
        if (changed.Status is SmtpUserStatus.Pending or SmtpUserStatus.Deleting) await RunSoonAsync(cancellationToken);
        return changed;
    }

    // No user id: the change concerns admins' pages, not one user's deliveries.
    private void Publish() => events.Publish(new RelayChange(ChangedKind, null, null));

    private Task RunSoonAsync(CancellationToken cancellationToken) => scheduler?.RunSoonAsync(cancellationToken) ?? Task.CompletedTask;
}
