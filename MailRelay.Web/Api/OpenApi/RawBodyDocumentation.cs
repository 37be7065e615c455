using Microsoft.OpenApi;

namespace MailRelay.Web.Api.OpenApi;

/// <summary>
/// Documents a raw request body (a file's bytes) that the endpoint streams itself. Like
/// <see cref="JsonBodyDocumentation"/>, it adds no content-type matching to routing.
/// </summary>
public static class RawBodyDocumentation
{
    public static RouteHandlerBuilder DocumentsRawBody(this RouteHandlerBuilder endpoint, string mediaType) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, cancellationToken) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [mediaType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            };
            return Task.CompletedTask;
        });
}
