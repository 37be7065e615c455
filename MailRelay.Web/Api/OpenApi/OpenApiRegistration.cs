namespace MailRelay.Web.Api.OpenApi;

/// <summary>The OpenAPI document of the <c>/api</c> routes, served at <c>/openapi/v1.json</c>.</summary>
public static class OpenApiRegistration
{
    public const string DocumentName = "v1";

    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddMailRelayOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            // Only the API: the pages, sign-in and health routes are not part of what clients automate.
            o.ShouldInclude = description => IsApiPath(description.RelativePath);
            o.AddDocumentTransformer<ApiDocumentInfo>();
            o.AddDocumentTransformer<SecuritySchemesTransformer>();
        });

    /// <summary>Signed-in callers only (cookie or bearer), like the API it describes.</summary>
    public static IEndpointRouteBuilder MapMailRelayOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization();
        return app;
    }

    /// <summary>Whether a route pattern (with or without its leading slash) is under <c>/api</c>.</summary>
    public static bool IsApiPath(string? path) =>
        path is not null && (path.TrimStart('/') + "/").StartsWith("api/", StringComparison.OrdinalIgnoreCase);
}
