namespace MailRelay.Core.Domains;

/// <summary>The domains on the DNS page.</summary>
public interface IDomainStore
{
    /// <summary>The sending/receiving domains, by name.</summary>
    Task<IReadOnlyList<MailDomain>> ListDomainsAsync(CancellationToken cancellationToken);

    /// <summary>Adds the domain (already normalized); false when it is already there (the stored one is kept).</summary>
    Task<bool> AddDomainAsync(MailDomain domain, CancellationToken cancellationToken);

    /// <summary>False when there was no such domain.</summary>
    Task<bool> RemoveDomainAsync(string name, CancellationToken cancellationToken);
}
