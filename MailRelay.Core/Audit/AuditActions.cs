
namespace MailRelay.Core.Audit;

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
    public const string InboxRelease = "inbox.release";
    public const string InboxDelete = "inbox.delete";
    public const string DeliveryRetry = "delivery.retry";
    public const string DeliveryRelease = "delivery.release";
    public const string GmailConnect = "gmail.connect";
    public const string NoticeSent = "notice.sent";
    public const string GmailConnectRefused = "gmail.connect-refused";
    public const string GmailDisconnect = "gmail.disconnect";
    public const string SmtpUserCreate = "smtp-user.create";
    public const string SmtpUserRetry = "smtp-user.retry";
    public const string SmtpUserDelete = "smtp-user.delete";
    public const string SmtpUserRotate = "smtp-user.rotate";
    public const string SmtpUserDisable = "smtp-user.disable";
    public const string SmtpUserEnable = "smtp-user.enable";
    public const string SmtpUserReveal = "smtp-user.reveal";
    public const string SmtpUserTestEmail = "smtp-user.test-email";
    public const string GmailRenew = "gmail.renew";
    public const string QueueDeliverNow = "queue.deliver-now";
    public const string DomainAdd = "domain.add";
    public const string DomainRemove = "domain.remove";

    /// <summary>Every action name above, for the audit page's filter and the test that each one is emitted.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(AuditActions)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToList();
}
