using MailRelay.Core.Domain;
using MailRelay.Core.Options;
using MailRelay.Core.Ports;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Services.DnsRecords;

/// <summary>Admins add and remove the domains on the DNS page: validated, audited, refused with a sentence when wrong.</summary>
public sealed class DomainAdmin(IDomainStore domainStore, AuditLog audit, DnsCheckResults results, TimeProvider time,
    IOptions<DnsOptions> dns, IOptions<SmtpIdentityOptions> smtp)
{
    public Task<IReadOnlyList<MailDomain>> ListAsync(CancellationToken cancellationToken) => domainStore.ListDomainsAsync(cancellationToken);

    public async Task<(MailDomain? Domain, string? Error)> AddAsync(string actorId, string input, CancellationToken cancellationToken)
    {
        var (name, error) = DomainName.Normalize(input);
        if (name is null) return (null, error);
        var domain = new MailDomain(name, actorId, time.GetUtcNow());
        if (!await domainStore.AddDomainAsync(domain, cancellationToken)) return (null, $"{name} is already on the list.");
        await audit.RecordAsync(actorId, AuditActions.DomainAdd, name, null, cancellationToken);
        return (domain, null);
    }

    public async Task<bool> RemoveAsync(string actorId, string name, CancellationToken cancellationToken)
    {
        if (!await domainStore.RemoveDomainAsync(name, cancellationToken)) return false;
        results.Forget(name);
        await audit.RecordAsync(actorId, AuditActions.DomainRemove, name, null, cancellationToken);
        return true;
    }

    /// <summary>
    /// Domains configuration knows (<c>SmtpIdentity:SendingDomains</c>, <c>Dns:Domains</c>) that are
    /// not on the list: offered to the admin rather than added silently, so a removal sticks.
    /// </summary>
    public async Task<IReadOnlyList<string>> SuggestedAsync(CancellationToken cancellationToken)
    {
        var listed = (await domainStore.ListDomainsAsync(cancellationToken)).Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return smtp.Value.SendingDomains.Concat(dns.Value.Domains.Keys)
            .Select(d => DomainName.Normalize(d).Name)
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
