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
        var steps = new SmtpProvisioningSteps(smtpUserStore, provisioner, _changes, time, logger, counters);
        foreach (var user in claimed)
        {
            if (user.Status == SmtpUserStatus.Deleting) await steps.CleanUpAsync(user, cancellationToken);
            else await steps.ProvisionAsync(user, cancellationToken);
        }
        return claimed.Count;
    }
}
