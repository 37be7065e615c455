namespace MailRelay.Core.Options;

/// <summary>Where raw messages are kept until every delivery is done (<c>Blobs</c> section).</summary>
public sealed class BlobStoreOptions : IPortOptions
{
    public const string SectionName = "Blobs";
    public const string Folder = "Folder";

    public string PortName => SectionName;

    /// <summary>Folder (default).</summary>
    public string Provider { get; set; } = Folder;

    /// <summary>Folder of the Folder adapter, relative to <c>LocalData:Directory</c>.</summary>
    public string FolderPath { get; set; } = "blobs";
}
