using MailRelay.Core.Gmail;
using MailRelay.Web.Components.Shared;

namespace MailRelay.Web.Gmail;

/// <summary>Where Google sends the user back, and where the user lands after that.</summary>
public static class GmailCallbackPaths
{
    /// <summary>The OAuth redirect target; register <c>{scheme}://{host}/api/token/callback</c> with the Google OAuth client.</summary>
    public const string Callback = "/api/token/callback";

    /// <summary>The My Gmail page; the callback's outcome is its <c>gmail</c> query value.</summary>
    public const string MyGmail = "/my/gmail";

    /// <summary>The redirect URI for a flow started by this request (scheme and host as the browser used them, after forwarded headers).</summary>
    public static string RedirectUriFor(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{Callback}";

    /// <summary>My Gmail with the sentence for <paramref name="outcome"/>.</summary>
    public static string ResultUrl(GmailConnectOutcome outcome) => $"{MyGmail}?gmail={GmailWords.Code(outcome)}";
}
