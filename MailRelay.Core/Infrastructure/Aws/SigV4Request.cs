namespace MailRelay.Core.Infrastructure.Aws;

/// <summary>
/// A request in the form SigV4 canonicalises: the method, the path and query exactly as on the
/// request line (percent-encoded as sent), the headers in order (repeats allowed) and the hex
/// SHA-256 of the payload.
/// </summary>
internal sealed record SigV4Request(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string PayloadHash);
