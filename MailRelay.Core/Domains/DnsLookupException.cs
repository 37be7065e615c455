
namespace MailRelay.Core.Domains;

/// <summary>The resolver could not answer (unreachable, HTTP error, SERVFAIL); says why in a sentence.</summary>
public sealed class DnsLookupException(string message, Exception? inner = null) : Exception(message, inner);
