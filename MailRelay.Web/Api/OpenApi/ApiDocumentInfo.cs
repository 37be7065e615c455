using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MailRelay.Web.Api.OpenApi;

/// <summary>The document's title and the rules every operation shares.</summary>
internal sealed class ApiDocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "MailRelay API",
            Version = "v1",
            Description = "Everything under /api. Callers authenticate with the browser's session cookie or, when sign-in is OIDC, "
                + "a bearer token from the same issuer. /api/admin needs the admin role. Errors are RFC 9457 problem details "
                + "(application/problem+json). A user's endpoints act only on the caller; no user id is taken from the request.",
        };
        return Task.CompletedTask;
    }
}
