namespace MailRelay.Core.Options;

/// <summary>How refresh tokens and SMTP passwords are encrypted at rest (<c>Secrets</c> section).</summary>
public sealed class SecretProtectionOptions : IPortOptions
{
    public const string SectionName = "Secrets";
    public const string DataProtection = "DataProtection";

    public string PortName => SectionName;

    /// <summary>DataProtection (default).</summary>
    public string Provider { get; set; } = DataProtection;

    /// <summary>Folder of the DataProtection adapter, relative to <c>LocalData:Directory</c>.</summary>
    public string KeysPath { get; set; } = "keys";
}
