namespace MailRelay.Core.Infrastructure.Aws;

/// <summary>Every intermediate of one SigV4 signing, so tests can compare them with AWS's vectors.</summary>
public sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string SignedHeaders,
    string Signature,
    string Authorization);
