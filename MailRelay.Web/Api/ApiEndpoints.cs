using MailRelay.Web.Auth;

namespace MailRelay.Web.Api;

public static class ApiEndpoints
{
    /// <summary><c>/api</c> needs a signed-in caller; <c>/api/admin</c> needs an admin.</summary>
    public static IEndpointRouteBuilder MapMailRelayApi(this IEndpointRouteBuilder app)
    {
        // 401 and 403 come from the authentication handlers, with no body.
        var api = app.MapGroup("/api").RequireAuthorization()
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(void)));
        // CookieAntiforgery refuses a state-changing cookie call without the token; the document says so.
        ((IEndpointConventionBuilder)api).Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods);
            if (!methods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE")) return;
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"])
            {
                Description = "Bad Request; with the session cookie, also when the antiforgery token (RequestVerificationToken header) is missing or invalid.",
            });
        });
        api.MapUserEndpoints();
        api.MapTokenEndpoints();
        api.MapGroup("/admin").RequireAuthorization(AuthSchemes.AdminPolicy)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(void)))
            .MapAdminEndpoints();
        return app;
    }
}
