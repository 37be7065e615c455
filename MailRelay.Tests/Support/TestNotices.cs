using MailRelay.Core.Notifications;
using MailRelay.Web.Emails;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailRelay.Tests.Support;

/// <summary>Notices as the escalation would make them, and the real composer with the services its renderer needs.</summary>
public static class TestNotices
{
    public static readonly Uri ReconnectUrl = new("https://mail.example.com/my/gmail");

    public static Notice Of(NoticeKind kind, string name = "Alice Example", string? reason = null, DateTimeOffset? expiresAt = null, int attempts = 0) =>
        new(kind, "alice@example.com", name, "alice.example@gmail.com", reason, expiresAt, attempts, ReconnectUrl);

    /// <summary>
    /// A <see cref="RazorEmailComposer"/> over a bare service provider that validates scopes as the
    /// app does in Development: <c>HtmlRenderer</c> needs only logging (and a scope).
    /// </summary>
    public static RazorEmailComposer Composer()
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        return new RazorEmailComposer(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<ILoggerFactory>());
    }
}
