using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MailRelay.Tests.E2E;
using MailRelay.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace MailRelay.Tests.Integration;

/// <summary>API clients with tokens from the real test OIDC issuer process, against the app in Oidc mode.</summary>
public sealed class BearerTokenTests : IAsyncLifetime
{
    private const string ClientId = "mailrelay-tests";
    private OidcIssuerProcess _issuer = null!;
    private MailRelayFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _issuer = await OidcIssuerProcess.StartAsync(CancellationToken.None);
        _factory = new MailRelayFactory();
        _factory.Settings["SignIn:Provider"] = "Oidc";
        _factory.Settings["SignIn:Oidc:Authority"] = _issuer.Authority;
        _factory.Settings["SignIn:Oidc:ClientId"] = ClientId;
        _factory.Settings["SignIn:Oidc:RequireHttpsMetadata"] = "false";
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task UsersMe_WithIssuersToken_AnswersForTheTokensSubjectOnly()
    {
        var client = _factory.CreateBrowserLikeClient();
        // The user record is made at browser sign-in; an API client of a user who never signed in gets a clear 404.
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IdTokenAsync("bob"));

        using var response = await client.GetAsync("/api/users/me");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("sign in again");
    }

    [Fact]
    public async Task AdminEndpoint_BearerOfGroupMember_Allowed_OfPlainUser_Forbidden()
    {
        var admin = _factory.CreateBrowserLikeClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IdTokenAsync("carol-admin"));
        (await admin.GetAsync("/api/admin/users")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var user = _factory.CreateBrowserLikeClient();
        user.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IdTokenAsync("alice"));
        (await user.GetAsync("/api/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("tamper-signature")]
    [InlineData("wrong-audience")]
    [InlineData("unsigned")]
    public async Task Api_TamperedOrForeignToken_Is401(string hint)
    {
        var client = _factory.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IdTokenAsync(hint));

        (await client.GetAsync("/api/users/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>The authorization code flow against the issuer, as a client app would run it, returning the id_token.</summary>
    private async Task<string> IdTokenAsync(string loginHint)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        const string redirect = "http://127.0.0.1/callback";
        var authorize = QueryHelpers.AddQueryString($"{_issuer.Authority}/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = ClientId, ["redirect_uri"] = redirect, ["scope"] = "openid email",
            ["state"] = "s", ["nonce"] = "n", ["login_hint"] = loginHint, ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });
        using var redirected = await http.GetAsync(authorize);
        var code = QueryHelpers.ParseQuery(redirected.Headers.Location!.Query)["code"].ToString();
        using var token = await http.PostAsync($"{_issuer.Authority}/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirect, ["client_id"] = ClientId, ["code_verifier"] = verifier,
        }));
        using var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id_token").GetString()!;
    }
}
