namespace MailRelay.Core.Users;

/// <summary>The roles MailRelay knows. Everyone signed in is a user; admins manage the relay.</summary>
public static class RoleNames
{
    public const string Admin = "admin";
}
