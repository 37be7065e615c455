namespace MailRelay.Core.Options;

/// <summary>Where messages are delivered to (<c>MailboxDelivery</c> section).</summary>
public sealed class MailboxDeliveryOptions : IPortOptions
{
    public const string SectionName = "MailboxDelivery";
    public const string LocalMailbox = "LocalMailbox";

    public string PortName => SectionName;

    /// <summary>LocalMailbox (default).</summary>
    public string Provider { get; set; } = LocalMailbox;

    /// <summary>Folder of the LocalMailbox adapter, relative to <c>LocalData:Directory</c>.</summary>
    public string FolderPath { get; set; } = "mailboxes";
}
