namespace MailRelay.Core.Domains;

/// <summary>
/// Looks DNS records up for the DNS page's checks. Answers hold the record data as text:
/// TXT strings joined into one value, host names lower-cased without the trailing dot, MX as
/// "priority host". A name that does not exist answers empty; a resolver failure throws
/// <see cref="DnsLookupException"/>.
/// </summary>
public interface IDnsResolver
{
    /// <param name="type">TXT, CNAME, MX or A.</param>
    Task<IReadOnlyList<string>> ResolveAsync(string name, string type, CancellationToken cancellationToken);
}
