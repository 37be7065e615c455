namespace MailRelay.Web.Hosting;

/// <summary>How the build output is hosted (<c>Hosting</c> section); read while the host is built.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    /// <summary>The circuit may use any transport the browser and the front carry: WebSockets, then Server-Sent Events, then long polling.</summary>
    public const string AutoTransport = "Auto";

    /// <summary>The circuit uses long polling only, for a front that refuses WebSocket upgrades and cuts streams (App Runner).</summary>
    public const string LongPollingTransport = "LongPolling";

    /// <summary>Serve MudBlazor's <c>_content/</c> files from the static web assets manifest outside Development.</summary>
    public bool StaticWebAssets { get; set; }

    /// <summary>
    /// <see cref="AutoTransport"/> or <see cref="LongPollingTransport"/>, applied to the Blazor hub
    /// and to the browser's circuit. Behind App Runner, Auto would try a WebSocket (refused) and then
    /// Server-Sent Events, whose stream the front cuts at 120 s; long polling survives both.
    /// </summary>
    public string CircuitTransport { get; set; } = AutoTransport;

    /// <summary>
    /// How long the hub holds a long-poll request open with nothing to send. SignalR's default is
    /// 90 s; set here so it is a decision: every poll must end before a front's request cap (App
    /// Runner cuts requests at 120 s), or the front cuts it and the browser sees a failed poll.
    /// </summary>
    public TimeSpan LongPollTimeout { get; set; } = TimeSpan.FromSeconds(90);

    public bool IsLongPolling => string.Equals(CircuitTransport, LongPollingTransport, StringComparison.OrdinalIgnoreCase);
}
