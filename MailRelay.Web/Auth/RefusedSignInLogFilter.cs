using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Serilog.Events;

namespace MailRelay.Web.Auth;

/// <summary>
/// The OpenID Connect handler logs every refused sign-in (a tampered or misdirected id_token, an
/// issuer's error answer) at Error before <see cref="OidcSignInEvents.RemoteFailure"/> sees it.
/// A refusal is an expected outcome, not a fault of this server, and that event already logs
/// it as a warning with its reason and exception, so these duplicate error lines are dropped.
/// Every other line of the handler is kept.
/// </summary>
public static class RefusedSignInLogFilter
{
    private static readonly string HandlerCategory = typeof(OpenIdConnectHandler).FullName!;

    /// <summary>The handler's names for those lines: its catch-all around the callback, and an error answer from the issuer.</summary>
    private static readonly HashSet<string> DuplicateEvents = ["ExceptionProcessingMessage", "ResponseError", "ResponseErrorWithStatusCode"];

    public static bool IsDuplicate(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string category } && category == HandlerCategory
        && logEvent.Properties.TryGetValue("EventId", out var eventId) && eventId is StructureValue structure
        && structure.Properties.Any(p => p.Name == "Name" && p.Value is ScalarValue { Value: string name } && DuplicateEvents.Contains(name));
}
