namespace MailRelay.Core.Users;

/// <summary>A person who signs in to MailRelay. <see cref="Id"/> is the issuer's subject.</summary>
public sealed record AppUser(
    string Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSignInAt)
{
    public bool IsAdmin => Roles.Contains(RoleNames.Admin);
}
