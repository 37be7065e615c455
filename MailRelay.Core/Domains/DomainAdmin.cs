using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Smtp;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Domains;

/// <summary>Admins add and remove the domains on the DNS page: validated, audited, refused with a sentence when wrong.</summary>
public sealed class DomainAdmin(IDomainStore domainStore, AuditLog audit, TimeProvider time,
    IOptions<DnsOptions> dns, IOptions<SmtpIdentityOptions> smtp)
{
    public Task<IReadOnlyList<MailDomain>> ListAsync(CancellationToken cancellationToken) => domainStore.ListDomainsAsync(cancellationToken);

    /// <summary>Each listed domain's last check (by whichever instance ran it), by domain name.</summary>
    public async Task<IReadOnlyDictionary<string, DomainCheckReport>> LastChecksAsync(CancellationToken cancellationToken) =>
        (await domainStore.ListCheckReportsAsync(cancellationToken)).ToDictionary(r => r.Domain, StringComparer.OrdinalIgnoreCase);

    /// <summary>The added domain; Invalid for text that is not a domain name, Conflict for one already listed.</summary>
    public async Task<Result<MailDomain>> AddAsync(string actorId, string? input, CancellationToken cancellationToken)
    {
        var normalized = DomainName.Normalize(input);
        if (!normalized.IsSuccess) return normalized.Failure;
        var name = normalized.Value;
        var domain = new MailDomain(name, actorId, time.GetUtcNow());
        if (!await domainStore.AddDomainAsync(domain, cancellationToken)) return Failure.Conflict($"{name} is already on the list.");
        await audit.RecordAsync(actorId, AuditActions.DomainAdd, name, null, cancellationToken);
        return domain;
    }

    /// <summary>Takes the domain off the list; NotFound (<see cref="NotListed"/>) when it is not on it.</summary>
    public async Task<Result> RemoveAsync(string actorId, string name, CancellationToken cancellationToken)
    {
        if (DomainName.Normalize(name).Value is not { } normalized || !await domainStore.RemoveDomainAsync(normalized, cancellationToken)) return NotListed(name);
        await audit.RecordAsync(actorId, AuditActions.DomainRemove, normalized, null, cancellationToken);
        return Result.Ok();
    }

    /// <summary>The refusal for a name (as the caller wrote it) that is not on the DNS page.</summary>
    public static Failure NotListed(string name) => Failure.NotFound($"{name} is not on the DNS page.");

    /// <summary>
    /// Domains configuration knows (<c>SmtpIdentity:SendingDomains</c>, <c>Dns:Domains</c>) that are
    /// not on the list: offered to the admin rather than added silently, so a removal sticks.
    /// </summary>
    public async Task<IReadOnlyList<string>> SuggestedAsync(CancellationToken cancellationToken)
    {
        var listed = (await domainStore.ListDomainsAsync(cancellationToken)).Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return smtp.Value.SendingDomains.Concat(dns.Value.Domains.Keys)
            .Select(d => DomainName.Normalize(d).Value)
            .OfType<string>()
            .Where(d => !listed.Contains(d))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The domains whose MTA-STS policy MailRelay serves: the listed ones and those configured with tokens.</summary>
    public async Task<bool> ServesMtaStsForAsync(string domain, CancellationToken cancellationToken) =>
        dns.Value.Domains.Keys.Any(k => string.Equals(k.TrimEnd('.'), domain, StringComparison.OrdinalIgnoreCase))
        || (await domainStore.ListDomainsAsync(cancellationToken)).Any(d => d.Name.Equals(domain, StringComparison.OrdinalIgnoreCase));
}
