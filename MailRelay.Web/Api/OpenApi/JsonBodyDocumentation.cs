using Microsoft.OpenApi;

namespace MailRelay.Web.Api.OpenApi;

/// <summary>
/// Documents a JSON request body that the endpoint reads itself. <c>Accepts&lt;T&gt;()</c> would also
/// make routing match on the content type, and a POST without JSON would then miss the endpoint
/// (and its admin check and clear answer) instead of getting a 400 that says what to send.
/// </summary>
public static class JsonBodyDocumentation
{
    public static RouteHandlerBuilder DocumentsJsonBody<TBody>(this RouteHandlerBuilder endpoint, bool required = true) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var name = typeof(TBody).Name;
            var schema = await context.GetOrCreateSchemaAsync(typeof(TBody), null, cancellationToken);
            context.Document!.AddComponent(name, schema);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = required,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(name, context.Document) },
                },
            };
        });
}
