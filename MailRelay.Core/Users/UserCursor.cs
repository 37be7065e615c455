using MailRelay.Core.Common;

namespace MailRelay.Core.Users;

/// <summary>The user list's cursor: the email and id of the last user listed (the list is by email, then id).</summary>
internal static class UserCursor
{
    private const string List = "users";

    public static (string Email, string Id)? Position(PageRequest page)
    {
        if (page.After is not { } after) return null;
        var key = PageCursor.Decode(after, List, null);
        return (key.Text("email"), key.Text("id"));
    }

    public static string After(AppUser last) =>
        PageCursor.Encode(List, null, new Dictionary<string, string> { ["email"] = last.Email, ["id"] = last.Id });
}
