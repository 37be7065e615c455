using MailRelay.Core.Audit;
using MailRelay.Core.Routing;
using MailRelay.Web.Api.Contracts;
using MailRelay.Web.Api.OpenApi;
using MailRelay.Web.Auth;

namespace MailRelay.Web.Api;

/// <summary>The Routes page under <c>/api/admin/routes</c>, over the same <see cref="RouteAdmin"/>: validated and audited there.</summary>
public static class AdminRouteEndpoints
{
    public static RouteGroupBuilder MapAdminRouteEndpoints(this RouteGroupBuilder admin)
    {
        var routes = admin.MapGroup("/routes").WithTags("Routes");
        routes.MapGet("", (RouteAdmin routeAdmin, HttpContext http) => routeAdmin.ListAsync(http.RequestAborted))
            .Produces<IReadOnlyList<MailRoute>>()
            .WithSummary("Every route: a recipient pattern and what happens to its mail.");
        routes.MapPost("", (RouteAdmin routeAdmin, HttpContext http) => SaveAsync(routeAdmin, http, 0))
            .DocumentsJsonBody<RouteRequest>().Audits(AuditActions.RouteCreate)
            .Produces<MailRoute>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Creates a route; 409 when a route for the pattern exists.");
        routes.MapPut("/{id:long}", (long id, RouteAdmin routeAdmin, HttpContext http) => SaveAsync(routeAdmin, http, id))
            .DocumentsJsonBody<RouteRequest>().Audits(AuditActions.RouteUpdate)
            .Produces<MailRoute>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Changes a route's pattern, actions or spam handling.");
        routes.MapDelete("/{id:long}", DeleteAsync)
            .Audits(AuditActions.RouteDelete)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Deletes a route; its mail follows the next matching route, or is held for an admin.");
        return admin;
    }

    /// <summary>Creates (id 0) or updates a route; an invalid route is a ValidationProblem with the sentence the page shows, a duplicate pattern a 409.</summary>
    private static async Task<IResult> SaveAsync(RouteAdmin routeAdmin, HttpContext http, long id)
    {
        var request = await JsonBody.ReadAsync<RouteRequest>(http);
        if (request is null)
            return Results.Problem("Send the route as JSON: pattern, actions (kind and userId) and holdSpam.", statusCode: StatusCodes.Status400BadRequest, title: NotSaved);
        var result = await routeAdmin.SaveAsync(http.User.UserId(), id, request.Pattern ?? "", request.Actions ?? [], request.HoldSpam, http.RequestAborted);
        if (!result.IsSuccess) return ApiResults.Problem(result.Failure, NotSaved, field: "route");
        return id == 0 ? Results.Created($"/api/admin/routes/{result.Value.Id}", result.Value) : Results.Ok(result.Value);
    }

    private static async Task<IResult> DeleteAsync(long id, RouteAdmin routeAdmin, HttpContext http)
    {
        var result = await routeAdmin.DeleteAsync(http.User.UserId(), id, http.RequestAborted);
        return result.IsSuccess ? Results.NoContent() : ApiResults.Problem(result.Failure);
    }

    private const string NotSaved = "The route was not saved.";
}
