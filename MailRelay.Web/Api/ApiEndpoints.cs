using MailRelay.Web.Auth;

namespace MailRelay.Web.Api;

public static class ApiEndpoints
{
    /// <summary><c>/api</c> needs a signed-in caller; <c>/api/admin</c> needs an admin.</summary>
    public static IEndpointRouteBuilder MapMailRelayApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapUserEndpoints();
        api.MapTokenEndpoints();
        api.MapGroup("/admin").RequireAuthorization(AuthSchemes.AdminPolicy).MapAdminEndpoints();
        return app;
    }
}
