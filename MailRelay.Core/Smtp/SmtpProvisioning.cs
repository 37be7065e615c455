using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Metrics;
using MailRelay.Core.Storage;
using MailRelay.Core.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Smtp;

/// <summary>
/// Creating SMTP users and the job that provisions them. <see cref="CreateAsync"/> is audited;
/// <see cref="ProcessDueAsync"/> (the job) leases due records and moves them on:
/// pending → provisioning → active, or failed after <see cref="MaxAttempts"/> attempts with
/// exponential backoff; deleting → cleanup → record removed. A failed attempt rolls back what it
/// created. The other admin actions are <see cref="SmtpUserLifecycle"/> and <see cref="SmtpCredentialsReveal"/>;
/// every stored change is published on <see cref="RelayEvents"/> as <see cref="ChangedKind"/>, so open SMTP user pages follow the job live.
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

    private readonly SmtpUserChanges _changes = new(protector, options, events, scheduler);

    /// <summary>The refusal for an id that is no SMTP user (never was, or deleted meanwhile).</summary>
    public static Failure NoSuchUser => Failure.NotFound("There is no such SMTP user.");

    /// <summary>1, 2, 4, 8… minutes after the attempt.</summary>
    public static TimeSpan Backoff(int attempts) => FirstBackoff * Math.Pow(2, Math.Max(0, attempts - 1));

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
        _changes.Publish();
        await _changes.RunSoonAsync(cancellationToken);
        return user;
    }

    /// <summary>Works through the records that are due; returns how many were handled.</summary>
    public async Task<int> ProcessDueAsync(string owner, int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await smtpUserStore.ClaimDueSmtpUsersAsync(owner, now, now + Lease, max, cancellationToken);
        // Made here rather than as a field: a field initializer cannot share _changes with it.
        var cleanup = new SmtpUserCleanup(smtpUserStore, provisioner, _changes, time, logger, counters);
        foreach (var user in claimed)
        {
            if (user.Status == SmtpUserStatus.Deleting) await cleanup.CleanUpAsync(user, cancellationToken);
            else await ProvisionAsync(user, cancellationToken);
        }
        return claimed.Count;
    }

    private async Task ProvisionAsync(SmtpUser claimed, CancellationToken cancellationToken)
    {
        var user = claimed with { Status = SmtpUserStatus.Provisioning };
        if (!await smtpUserStore.UpdateSmtpUserAsync(user, claimed.Status, cancellationToken)) return;
        _changes.Publish();

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
                ProtectedPassword = await _changes.ProtectPasswordAsync(user.Id, key, cancellationToken),
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
            _changes.Publish();
            counters?.ProvisioningOutcome("Active");
            logger.LogInformation("SMTP user {SmtpUserId} is active as {IamUserName} with key {AccessKeyId}", user.Id, user.IamUserName, key.AccessKeyId);
        }
        catch (SmtpIdentityException e)
        {
            await RollBackAsync(user, userCreated, newKeyId, cancellationToken);
            var attempts = user.Attempts + 1;
            var final = !e.IsTransient || attempts >= MaxAttempts;
            var now = time.GetUtcNow();
            var failed = SmtpUserChanges.WithError(user, e.Message, now) with
            {
                Status = final ? SmtpUserStatus.Failed : SmtpUserStatus.Provisioning,
                Attempts = attempts,
                NextAttemptAt = final ? null : now + Backoff(attempts),
            };
            if (await smtpUserStore.UpdateSmtpUserAsync(failed, SmtpUserStatus.Provisioning, cancellationToken)) _changes.Publish();
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
}
