namespace MailRelay.Core.Domains;

/// <summary>The domains on the DNS page and each one's last check, shared by every instance.</summary>
public interface IDomainStore
{
    /// <summary>The sending/receiving domains, by name.</summary>
    Task<IReadOnlyList<MailDomain>> ListDomainsAsync(CancellationToken cancellationToken);

    /// <summary>Adds the domain (already normalized); false when it is already there (the stored one is kept).</summary>
    Task<bool> AddDomainAsync(MailDomain domain, CancellationToken cancellationToken);

    /// <summary>False when there was no such domain. Its last check goes with it.</summary>
    Task<bool> RemoveDomainAsync(string name, CancellationToken cancellationToken);

    /// <summary>Keeps the report as its domain's last check, replacing the one before; false (nothing kept) when the domain is not listed.</summary>
    Task<bool> SaveCheckReportAsync(DomainCheckReport report, CancellationToken cancellationToken);

    /// <summary>The last check of every listed domain that has been checked, by domain name.</summary>
    Task<IReadOnlyList<DomainCheckReport>> ListCheckReportsAsync(CancellationToken cancellationToken);
}
