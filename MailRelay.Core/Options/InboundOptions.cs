namespace MailRelay.Core.Options;

/// <summary>Where new mail comes from (<c>Inbound</c> section).</summary>
public sealed class InboundOptions : IPortOptions
{
    public const string SectionName = "Inbound";
    public const string Folder = "Folder";

    public string PortName => SectionName;

    /// <summary>Folder (default).</summary>
    public string Provider { get; set; } = Folder;

    /// <summary>Folder of the Folder adapter, relative to <c>LocalData:Directory</c>.</summary>
    public string FolderPath { get; set; } = "inbox";
}
