using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MailRelay.Core.Domain;
using MailRelay.Core.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MailRelay.Web.Auth;

/// <summary>
/// OpenID Connect sign-in on top of the built-in OAuth handler, because
/// Microsoft.AspNetCore.Authentication.OpenIdConnect is not in our registry (DEPENDENCIES.md).
/// Endpoints come from discovery, the code is exchanged with PKCE, and the id_token is fully
/// validated (<see cref="IdTokenValidator"/>) before anyone is signed in.
/// </summary>
public sealed class OidcHandler(
    IOptionsMonitor<OidcOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    UserSignIn userSignIn) : OAuthHandler<OidcOptions>(options, logger, encoder)
{
    private const string NonceKey = "oidc.nonce";
    public const string LoginHintKey = "login_hint";

    private OpenIdConnectConfiguration? _discovery;

    private OpenIdConnectConfiguration Discovery => _discovery ?? throw new InvalidOperationException("Discovery not loaded.");

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        _discovery = await Options.ConfigurationManager!.GetConfigurationAsync(Context.RequestAborted);
        await base.HandleChallengeAsync(properties);
    }

    protected override async Task<HandleRequestResult> HandleRemoteAuthenticateAsync()
    {
        _discovery = await Options.ConfigurationManager!.GetConfigurationAsync(Context.RequestAborted);
        return await base.HandleRemoteAuthenticateAsync();
    }

    protected override string BuildChallengeUrl(AuthenticationProperties properties, string redirectUri)
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        properties.Items[OAuthConstants.CodeVerifierKey] = verifier;
        properties.Items[NonceKey] = nonce;
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = Options.ClientId,
            ["response_type"] = "code",
            ["scope"] = FormatScope(),
            ["redirect_uri"] = redirectUri,
            ["code_challenge"] = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(verifier))),
            ["code_challenge_method"] = OAuthConstants.CodeChallengeMethodS256,
            ["nonce"] = nonce,
        };
        if (properties.Items.Remove(LoginHintKey, out var hint) && !string.IsNullOrEmpty(hint)) parameters["login_hint"] = hint;
        // The state carries the verifier and nonce, encrypted, and is bound to the correlation cookie.
        parameters["state"] = Options.StateDataFormat.Protect(properties);
        return QueryHelpers.AddQueryString(Discovery.AuthorizationEndpoint, parameters);
    }

    protected override async Task<OAuthTokenResponse> ExchangeCodeAsync(OAuthCodeExchangeContext context)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = context.Code,
            ["redirect_uri"] = context.RedirectUri,
            ["client_id"] = Options.ClientId,
        };
        if (context.Properties.Items.Remove(OAuthConstants.CodeVerifierKey, out var verifier)) form["code_verifier"] = verifier!;
        using var request = new HttpRequestMessage(HttpMethod.Post, Discovery.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(Options.ClientSecret))
        {
            // Cognito expects a confidential client's secret as HTTP Basic credentials.
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(Options.ClientId)}:{Uri.EscapeDataString(Options.ClientSecret)}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }
        using var response = await Backchannel.SendAsync(request, Context.RequestAborted);
        var body = await response.Content.ReadAsStringAsync(Context.RequestAborted);
        return response.IsSuccessStatusCode
            ? OAuthTokenResponse.Success(JsonDocument.Parse(body))
            : OAuthTokenResponse.Failed(new OidcSignInException("token", $"The token endpoint answered {(int)response.StatusCode}."));
    }

    protected override async Task<AuthenticationTicket> CreateTicketAsync(ClaimsIdentity identity, AuthenticationProperties properties, OAuthTokenResponse tokens)
    {
        var idToken = tokens.Response?.RootElement.TryGetProperty("id_token", out var value) == true ? value.GetString() : null;
        properties.Items.Remove(NonceKey, out var nonce);
        var claims = await IdTokenValidator.ValidateAsync(idToken, Discovery, Options.ClientId, nonce, TimeProvider);
        var email = claims.FindFirst("email")?.Value ?? "";
        var name = claims.FindFirst("name")?.Value ?? claims.FindFirst("cognito:username")?.Value ?? email;
        var groups = claims.FindAll(Options.GroupsClaim).Select(c => c.Value);
        IReadOnlyList<string> roles = groups.Contains(Options.AdminGroup, StringComparer.Ordinal) ? [RoleNames.Admin] : [];
        var user = await userSignIn.RecordAsync(claims.FindFirst("sub")!.Value, email, name, roles, Context.RequestAborted);
        var principal = new ClaimsPrincipal(PrincipalFactory.Create(user, Scheme.Name));
        return new AuthenticationTicket(principal, properties, Scheme.Name);
    }
}
