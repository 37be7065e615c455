using System.Net;
using System.Text;
using MailRelay.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>Cross-site request forgery: a signed-in browser's cookie alone never changes anything.</summary>
public sealed class AntiforgeryTests : IAsyncDisposable
{
    private static readonly string[] StateChanging = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    private readonly MailRelayFactory _factory = new();

    [Fact]
    public async Task EveryStateChangingEndpoint_SignInCookieWithoutToken_IsRefused()
    {
        using var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        client.DefaultRequestHeaders.Remove(DevelopmentSignIn.TokenHeader);

        var requests = StateChangingRequests().ToList();
        requests.ShouldContain(r => r.Method == HttpMethods.Post && r.Path == "/api/token/renew");

        var accepted = new List<string>();
        foreach (var (method, path) in requests)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains("antiforgery", StringComparison.OrdinalIgnoreCase))
                accepted.Add($"{method} {path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
        }
        accepted.ShouldBeEmpty($"each of {requests.Count} state-changing endpoints should refuse the cookie without a token");
    }

    [Fact]
    public async Task Renew_SignInCookieWithToken_IsAccepted()
    {
        using var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync("alice");

        using var response = await client.PostAsync("/api/token/renew", null);

        // Gmail delivery is not configured on the defaults: the endpoint itself answered.
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Renew_NotSignedIn_IsUnauthorizedNotAskedForAToken()
    {
        using var client = _factory.CreateBrowserLikeClient();

        using var response = await client.PostAsync("/api/token/renew", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>Every endpoint the app maps for POST, PUT, PATCH or DELETE, with its route parameters filled in.</summary>
    private IEnumerable<(string Method, string Path)> StateChangingRequests()
    {
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var path = PathOf(endpoint.RoutePattern);
            // The Blazor circuit's hub is exempt by design (SignalR guards it with its own tokens).
            if (path.StartsWith(MailRelay.Web.Auth.CookieAntiforgery.BlazorHubPath, StringComparison.Ordinal)) continue;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var method in methods.Where(m => StateChanging.Contains(m, StringComparer.OrdinalIgnoreCase)))
                yield return (method.ToUpperInvariant(), path);
        }
    }

    private static string PathOf(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart => "x",
            _ => "",
        }))));

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
