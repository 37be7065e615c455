using System.Net;
using System.Text.RegularExpressions;

namespace MailRelay.Tests.Support;

/// <summary>
/// Signs a client in the way a browser does: read the sign-in page's antiforgery token, post the form.
/// Then, as a page's script would, it sends the signed-in page's token with every request
/// (<see cref="TokenHeader"/>): state-changing calls with the sign-in cookie need it.
/// </summary>
public static partial class DevelopmentSignIn
{
    /// <summary>The header ASP.NET Core's antiforgery reads the request token from.</summary>
    public const string TokenHeader = "RequestVerificationToken";

    public static async Task SignInAsync(this HttpClient client, string user)
    {
        client.DefaultRequestHeaders.Remove(TokenHeader);
        var token = await AntiforgeryTokenAsync(client, "/account/signin");
        using var response = await client.PostAsync("/account/dev-signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = user,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {user} should redirect home");
        // The token is bound to the user, so it is read again once signed in.
        client.DefaultRequestHeaders.Add(TokenHeader, await AntiforgeryTokenAsync(client, "/"));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = TokenInput().Match(html);
        match.Success.ShouldBeTrue($"{page} should carry an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
