using MailRelay.Core.Inbound;
using MailRelay.Core.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace MailRelay.Web.Emails;

/// <summary>
/// Writes notice emails from Razor components rendered with <see cref="HtmlRenderer"/>, outside
/// any request or circuit. Razor encodes every value, so names and reasons cannot add markup.
/// </summary>
public sealed class RazorEmailComposer(IServiceScopeFactory scopes, ILoggerFactory loggerFactory) : IEmailComposer
{
    public async Task<EmailMessage> ComposeAsync(Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        cancellationToken.ThrowIfCancellationRequested();
        var html = await RenderAsync(ComponentFor(notice.Kind), notice);
        return new EmailMessage(notice.To, NoticeTexts.Subject(notice), html, NoticeTexts.PlainText(notice));
    }

    private static Type ComponentFor(NoticeKind kind) => kind switch
    {
        NoticeKind.ExpiresTomorrow => typeof(ExpiresTomorrowEmail),
        NoticeKind.HavingTrouble => typeof(HavingTroubleEmail),
        NoticeKind.ConnectionLost => typeof(ConnectionLostEmail),
        NoticeKind.PleaseReconnect => typeof(PleaseReconnectEmail),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown notice kind."),
    };

    /// <summary>
    /// A scope and a renderer per email: the renderer resolves scoped services (cascading values),
    /// and a long-lived one would keep every root component it ever rendered.
    /// </summary>
    private async Task<string> RenderAsync(Type component, Notice notice)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(NoticeEmailBase.Notice)] = notice });
            var output = await renderer.RenderComponentAsync(component, parameters);
            return output.ToHtmlString();
        });
    }
}
