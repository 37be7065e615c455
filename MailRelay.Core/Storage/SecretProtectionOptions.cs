using MailRelay.Core.Configuration;

namespace MailRelay.Core.Storage;

/// <summary>How refresh tokens and SMTP passwords are encrypted at rest (<c>Secrets</c> section).</summary>
public sealed class SecretProtectionOptions : IPortOptions
{
    public const string SectionName = "Secrets";
    public const string DataProtection = "DataProtection";
    public const string Kms = "Kms";
    public const string FolderKeyRing = "Folder";
    public const string BlobStoreKeyRing = "BlobStore";

    public string PortName => SectionName;

    /// <summary>DataProtection (default), or Kms: AWS KMS with the record id as encryption context.</summary>
    public string Provider { get; set; } = DataProtection;

    /// <summary>
    /// Where ASP.NET Core Data Protection keeps its key ring (sign-in cookies, antiforgery, OAuth state):
    /// Folder (default, <see cref="KeysPath"/> on this machine), or BlobStore: the <c>Blobs</c> store
    /// under <c>dataprotection/</c>, each key encrypted by KMS, shared by every instance (needs Kms).
    /// </summary>
    public string KeyRing { get; set; } = FolderKeyRing;

    /// <summary>Folder of the DataProtection adapter, relative to <c>LocalData:Directory</c>.</summary>
    public string KeysPath { get; set; } = "keys";

    /// <summary>The KMS key (id, ARN or <c>alias/…</c>) that encrypts secrets (Kms only).</summary>
    public string? KeyId { get; set; }

    /// <summary>The key's region, e.g. <c>eu-west-1</c> (Kms only).</summary>
    public string? Region { get; set; }

    /// <summary>Sends KMS calls here instead of AWS's endpoint (tests, VPC endpoints).</summary>
    public string? ServiceUrl { get; set; }

    public bool KeyRingInBlobStore => KeyRing.Equals(BlobStoreKeyRing, StringComparison.OrdinalIgnoreCase);

    public bool UsesKms => Provider.Equals(Kms, StringComparison.OrdinalIgnoreCase);
}
