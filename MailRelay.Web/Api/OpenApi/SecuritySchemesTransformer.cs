using MailRelay.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace MailRelay.Web.Api.OpenApi;

/// <summary>
/// Names the ways to authenticate that this instance really accepts: the session cookie always,
/// bearer tokens only when the bearer scheme is registered (sign-in is OIDC).
/// </summary>
internal sealed class SecuritySchemesTransformer(IAuthenticationSchemeProvider schemes, IOptionsMonitor<CookieAuthenticationOptions> cookies)
    : IOpenApiDocumentTransformer
{
    public const string CookieScheme = "cookie";
    public const string BearerScheme = "bearer";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Security ??= [];

        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = cookies.Get(AuthSchemes.Cookie).Cookie.Name,
            Description = "The session cookie a browser gets at sign-in. State-changing calls from a browser also need the antiforgery token.",
        };
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] });

        if (await schemes.GetSchemeAsync(AuthSchemes.Bearer) is null) return;
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An id_token issued for MailRelay's client, or a Cognito access token whose client_id is MailRelay's.",
        };
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
    }
}
