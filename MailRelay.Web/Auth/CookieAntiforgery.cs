using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.SignalR;

namespace MailRelay.Web.Auth;

/// <summary>
/// Refuses (400) a state-changing request (POST, PUT, PATCH, DELETE) that a browser's sign-in cookie
/// authenticates unless it carries a valid antiforgery token (header <c>RequestVerificationToken</c>
/// or form field <c>__RequestVerificationToken</c>), so another site cannot make a signed-in
/// browser act. It covers every endpoint, present and future, without each one asking for it:
/// ASP.NET Core's own check runs only for endpoints that bind forms.
/// Exempt: bearer-token calls (a browser never adds those by itself), requests without the sign-in
/// cookie, the Blazor circuit's hub (SignalR guards its connections with its own tokens), and an
/// endpoint that opts out with <c>DisableAntiforgery()</c>.
/// </summary>
public sealed class CookieAntiforgery(RequestDelegate next, IAntiforgery antiforgery, IAuthenticationSchemeProvider schemes)
{
    /// <summary>The Blazor hub and its circuit endpoints (negotiate, disconnect).</summary>
    public const string BlazorHubPath = "/_blazor";

    public async Task InvokeAsync(HttpContext http)
    {
        if (await NeedsTokenAsync(http) && !await IsTokenValidAsync(http))
        {
            await Results.Problem(
                "The antiforgery token is missing or invalid. A request made with the sign-in cookie that changes something must send " +
                "the page's token in the RequestVerificationToken header or the __RequestVerificationToken form field; scripts can use a bearer token instead.",
                statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token required").ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    /// <summary>UseAntiforgery has already validated endpoints that bind forms; asking again would read their form twice.</summary>
    private async Task<bool> IsTokenValidAsync(HttpContext http) =>
        http.Features.Get<IAntiforgeryValidationFeature>() is { } validated
            ? validated.IsValid
            : await antiforgery.IsRequestValidAsync(http);

    private async Task<bool> NeedsTokenAsync(HttpContext http)
    {
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method)) return false;
        if (http.Request.Path.StartsWithSegments(BlazorHubPath)) return false;
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<HubMetadata>() is not null) return false;
        if (endpoint?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: false }) return false;
        if (AuthSchemes.IsBearerRequest(http.Request) && await schemes.GetSchemeAsync(AuthSchemes.Bearer) is not null) return false;
        return (await http.AuthenticateAsync(AuthSchemes.Cookie)).Succeeded;
    }
}
