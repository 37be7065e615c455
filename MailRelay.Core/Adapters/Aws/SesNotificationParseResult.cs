namespace MailRelay.Core.Adapters.Aws;

/// <summary>A parsed notification, or why the body is not one (never the body itself).</summary>
public sealed record SesNotificationParseResult
{
    private SesNotificationParseResult(SesNotification? notification, string? error) => (Notification, Error) = (notification, error);

    public SesNotification? Notification { get; }

    /// <summary>Why the body was refused; safe to log (it quotes no body content beyond field names and the notification type).</summary>
    public string? Error { get; }

    public bool IsSuccess => Notification is not null;

    public static SesNotificationParseResult Success(SesNotification notification) => new(notification, null);

    public static SesNotificationParseResult Failure(string error) => new(null, error);
}
