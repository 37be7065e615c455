using MailRelay.Core.Configuration;

namespace MailRelay.Core.Notifications;

/// <summary>How emails to users and admins are sent (<c>Notifications</c> section).</summary>
public sealed class NotificationOptions : IPortOptions
{
    public const string SectionName = "Notifications";
    public const string Pickup = "Pickup";
    public const string SmtpProvider = "Smtp";

    /// <summary>The page where a user reconnects Gmail, relative to <see cref="PublicBaseUrl"/>.</summary>
    public const string ReconnectPath = "my/gmail";

    public string PortName => SectionName;

    /// <summary>Pickup (default): .eml files in a folder, shown on the admin Outbox page. Smtp: an SMTP server (SES SMTP in production).</summary>
    public string Provider { get; set; } = Pickup;

    /// <summary>The pickup folder, relative to <c>LocalData:Directory</c>.</summary>
    public string PickupPath { get; set; } = "outbox";

    /// <summary>The From address of every notification.</summary>
    public string From { get; set; } = "MailRelay <mailrelay@localhost>";

    /// <summary>
    /// Where users reach this app (e.g. <c>https://mail.example.com</c>): links in emails are built
    /// from it, because a job that sends an email has no request to take the host from.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The SMTP server when <see cref="Provider"/> is <see cref="SmtpProvider"/>.</summary>
    public SmtpNotificationOptions Smtp { get; set; } = new();

    public bool UsesSmtp => Provider.Equals(SmtpProvider, StringComparison.OrdinalIgnoreCase);

    /// <summary>The absolute URL of the My Gmail page; keeps a path in <see cref="PublicBaseUrl"/> (an app hosted under <c>/mailrelay/</c>).</summary>
    public Uri ReconnectUrl()
    {
        var root = PublicBaseUrl.EndsWith('/') ? PublicBaseUrl : PublicBaseUrl + "/";
        return new Uri(new Uri(root, UriKind.Absolute), ReconnectPath);
    }
}
