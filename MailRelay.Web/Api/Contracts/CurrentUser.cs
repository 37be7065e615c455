using MailRelay.Core.Users;

namespace MailRelay.Web.Api.Contracts;

/// <summary>The caller as <c>GET /api/users/me</c> shows them.</summary>
public sealed record CurrentUser(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset LastSignInAt)
{
    public static CurrentUser Of(AppUser user) => new(user.Id, user.Email, user.DisplayName, user.Roles, user.CreatedAt, user.LastSignInAt);
}
