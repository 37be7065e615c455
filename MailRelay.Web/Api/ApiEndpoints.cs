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
        api.MapUserEndpoints();
        api.MapTokenEndpoints();
        api.MapGroup("/admin").RequireAuthorization(AuthSchemes.AdminPolicy)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(void)))
            .MapAdminEndpoints();
        return app;
    }
}
