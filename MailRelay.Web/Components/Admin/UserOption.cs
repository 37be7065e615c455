using MailRelay.Core.Users;

namespace MailRelay.Web.Components.Admin;

/// <summary>A user as admin pages offer them in dropdowns and name them in tables.</summary>
public sealed record UserOption(string Id, string Label)
{
    /// <summary>Enough for a relay's people; the admin pages do not page users.</summary>
    private const int MaxUsers = 500;

    public static async Task<IReadOnlyList<UserOption>> LoadAsync(UserDirectory directory, CancellationToken cancellationToken)
    {
        var page = await directory.ListAsync(Core.Common.PageRequest.First(MaxUsers), cancellationToken);
        return page.Items.Select(Of).OrderBy(u => u.Label, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static UserOption Of(AppUser user) => new(user.Id, $"{user.DisplayName} ({user.Email})");

    /// <summary>The display name of <paramref name="userId"/>, or the id itself when the user is unknown.</summary>
    public static string NameOf(IReadOnlyList<UserOption> users, string? userId) =>
        userId is null ? "(no user)" : users.FirstOrDefault(u => u.Id == userId)?.Label.Split(" (")[0] ?? userId;
}
