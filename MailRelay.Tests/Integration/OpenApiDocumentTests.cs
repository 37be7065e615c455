using System.Net;
using System.Text.Json.Nodes;
using MailRelay.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary><c>/openapi/v1.json</c> describes exactly the <c>/api</c> routes the app maps, with their shapes and how to authenticate.</summary>
public sealed partial class OpenApiDocumentTests : IAsyncLifetime
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private readonly MailRelayFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Document_Operations_AreExactlyTheMappedApiEndpoints()
    {
        var document = await DocumentAsync(_factory);

        var mapped = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } path && path.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                // A group's "" route keeps the group's trailing slash in RawText; routing matches both alike.
                // The document names a parameter without its route constraint ({id:long} is {id}).
                .Select(m => $"{m.ToUpperInvariant()} {RouteConstraint().Replace(e.RoutePattern.RawText!.TrimEnd('/'), "}")}"))
            .Order().ToList();
        mapped.Count.ShouldBeGreaterThanOrEqualTo(20, "the API maps the token, user, admin, report, SMTP-user and DNS routes");

        Operations(document).Select(o => o.Key).Order().ShouldBe(mapped);
    }

    [Fact]
    public async Task Document_EveryOperation_HasASuccessAnswerAndTheAuthenticationAnswers()
    {
        var document = await DocumentAsync(_factory);

        foreach (var (key, operation) in Operations(document))
        {
            var responses = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
            responses.ShouldContain(code => code.StartsWith('2') || code.StartsWith('3'), $"{key} documents no success answer");
            responses.ShouldContain("401", $"{key} does not say it needs a signed-in caller");
            if (key.Contains(" /api/admin/", StringComparison.Ordinal)) responses.ShouldContain("403", $"{key} does not say it is for admins");
            if (!key.StartsWith("GET ", StringComparison.Ordinal)) responses.ShouldContain("400", $"{key} does not say a cookie call needs the antiforgery token");
        }
    }

    [Fact]
    public async Task Document_ErrorsAndShapes_AreProblemDetailsAndNamedSchemas()
    {
        var document = await DocumentAsync(_factory);
        var operations = Operations(document).ToDictionary(o => o.Key, o => o.Value);

        var conflict = operations["POST /api/admin/smtp-users/{id}/rotate"]!["responses"]!["409"]!["content"]!.AsObject();
        conflict.Select(c => c.Key).ShouldContain("application/problem+json");
        SchemaName(conflict["application/problem+json"]!).ShouldBe("ProblemDetails");

        var created = operations["POST /api/admin/smtp-users"]!;
        SchemaName(created["requestBody"]!["content"]!["application/json"]!).ShouldBe("SmtpUserRequest");
        SchemaName(created["responses"]!["201"]!["content"]!["application/json"]!).ShouldBe("SmtpUserDto");
        var request = document["components"]!["schemas"]!["SmtpUserRequest"]!["properties"]!.AsObject();
        request.Select(p => p.Key).ShouldBe(["name", "ownerUserId", "allowedFrom"], ignoreOrder: true);

        SchemaName(operations["GET /api/token/status"]!["responses"]!["200"]!["content"]!["application/json"]!).ShouldBe("GmailStatusView");
        SchemaName(operations["POST /api/token/renew"]!["responses"]!["200"]!["content"]!["application/json"]!).ShouldBe("ConsentStart");
        var upload = operations["POST /api/admin/messages"]!["requestBody"]!["content"]!.AsObject();
        upload.Select(c => c.Key).ShouldBe(["message/rfc822"]);
        operations["POST /api/admin/deliveries/{id}/release"]!["requestBody"]!["required"]?.GetValue<bool>().ShouldNotBe(true, "the body is optional");
        SchemaName(operations["PUT /api/admin/routes/{id}"]!["requestBody"]!["content"]!["application/json"]!).ShouldBe("RouteRequest");
        operations["GET /api/admin/audit.csv"]!["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key).ShouldBe(["text/csv"]);
    }

    [Fact]
    public async Task Document_DevelopmentSignIn_OffersTheSessionCookieOnly()
    {
        var document = await DocumentAsync(_factory);

        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        schemes.Select(s => s.Key).ShouldBe(["cookie"]);
        schemes["cookie"]!["in"]!.GetValue<string>().ShouldBe("cookie");
        schemes["cookie"]!["name"]!.GetValue<string>().ShouldBe("MailRelay.Session");
    }

    [Fact]
    public async Task Document_OidcSignIn_OffersTheCookieAndBearerTokens()
    {
        await using var oidc = new MailRelayFactory();
        oidc.Settings["SignIn:Provider"] = "Oidc";
        // Never contacted: the document only names the schemes; no token is validated here.
        oidc.Settings["SignIn:Oidc:Authority"] = "http://127.0.0.1:9/issuer";
        oidc.Settings["SignIn:Oidc:ClientId"] = "mailrelay-tests";
        oidc.Settings["SignIn:Oidc:RequireHttpsMetadata"] = "false";
        var client = oidc.CreateBrowserLikeClient();

        // No session in Oidc mode without the issuer: read the document in-process, as MapOpenApi serves it.
        var provider = oidc.Services.GetRequiredKeyedService<Microsoft.AspNetCore.OpenApi.IOpenApiDocumentProvider>("v1");
        var written = new StringWriter();
        await provider.GetOpenApiDocumentAsync().ContinueWith(t => t.Result.SerializeAsV31(new Microsoft.OpenApi.OpenApiJsonWriter(written)));
        var document = JsonNode.Parse(written.ToString())!;

        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        schemes.Select(s => s.Key).ShouldBe(["cookie", "bearer"], ignoreOrder: true);
        schemes["bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
        document["security"]!.AsArray().Count.ShouldBe(2, "either scheme alone authenticates a call");
        (await client.GetAsync("/openapi/v1.json")).StatusCode.ShouldNotBe(HttpStatusCode.OK, "the document is for signed-in callers");
    }

    [Fact]
    public async Task Document_Anonymous_IsNotServed()
    {
        var client = _factory.CreateBrowserLikeClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect);
    }

    private static async Task<JsonNode> DocumentAsync(MailRelayFactory factory)
    {
        var client = factory.CreateBrowserLikeClient();
        await client.SignInAsync("alice");
        using var response = await client.GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static IEnumerable<KeyValuePair<string, JsonNode>> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(o => Methods.Contains(o.Key))
            .Select(o => new KeyValuePair<string, JsonNode>($"{o.Key.ToUpperInvariant()} {path.Key}", o.Value!)));

    [System.Text.RegularExpressions.GeneratedRegex(":[^}]+}")]
    private static partial System.Text.RegularExpressions.Regex RouteConstraint();

    /// <summary>The component a media type's schema refers to.</summary>
    private static string SchemaName(JsonNode media) =>
        media["schema"]!["$ref"]!.GetValue<string>().Split('/')[^1];
}
