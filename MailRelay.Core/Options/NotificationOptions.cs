namespace MailRelay.Core.Options;

/// <summary>How emails to users and admins are sent (<c>Notifications</c> section).</summary>
public sealed class NotificationOptions : IPortOptions
{
    public const string SectionName = "Notifications";
    public const string Pickup = "Pickup";

    public string PortName => SectionName;

    /// <summary>Pickup (default): .eml files in a folder, shown on the admin Outbox page.</summary>
    public string Provider { get; set; } = Pickup;

    /// <summary>The pickup folder, relative to <c>LocalData:Directory</c>.</summary>
    public string PickupPath { get; set; } = "outbox";

    /// <summary>The From address of every notification.</summary>
    public string From { get; set; } = "MailRelay <mailrelay@localhost>";
}
