namespace MailRelay.Core.Services;

/// <summary>The action names written to the audit log, one place so filters can list them.</summary>
public static class AuditActions
{
    public const string SignIn = "user.sign-in";
    public const string SignOut = "user.sign-out";
}
