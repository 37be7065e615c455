using MailRelay.Core.Configuration;

namespace MailRelay.Core.Forwarding;

/// <summary>Where messages are delivered to (<c>MailboxDelivery</c> section).</summary>
public sealed class MailboxDeliveryOptions : IPortOptions
{
    public const string SectionName = "MailboxDelivery";
    public const string LocalMailbox = "LocalMailbox";
    public const string Gmail = "Gmail";

    public string PortName => SectionName;

    /// <summary>LocalMailbox (default): Gmail deliveries land in the local mailbox folder. Gmail: the Gmail API (see the <c>Google</c> section).</summary>
    public string Provider { get; set; } = LocalMailbox;

    /// <summary>Folder of the LocalMailbox adapter, relative to <c>LocalData:Directory</c>.</summary>
    public string FolderPath { get; set; } = "mailboxes";
}
