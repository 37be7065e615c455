namespace MailRelay.Core.Services;

/// <summary>The action names written to the audit log, one place so filters can list them.</summary>
public static class AuditActions
{
    public const string SignIn = "user.sign-in";
    public const string SignOut = "user.sign-out";
    public const string RouteCreate = "route.create";
    public const string RouteUpdate = "route.update";
    public const string RouteDelete = "route.delete";
    public const string MessageUpload = "message.upload";
    public const string MessagePurge = "message.purge";
    public const string DeliveryRetry = "delivery.retry";
    public const string DeliveryRelease = "delivery.release";
    public const string GmailConnect = "gmail.connect";
    public const string NoticeSent = "notice.sent";
    public const string GmailConnectRefused = "gmail.connect-refused";
    public const string GmailDisconnect = "gmail.disconnect";
}
