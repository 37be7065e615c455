using System.Net;
using MailRelay.Tests.Support;
using MailRelay.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>
/// Server-side access rules, checked over HTTP against every endpoint the app maps, so a page or
/// endpoint added later is covered without editing this test.
/// </summary>
public sealed class AuthorizationTests : IAsyncLifetime
{
    private readonly MailRelayFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task AdminEndpoints_NonAdmin_Get403FromEveryOne()
    {
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync("alice");

        var endpoints = AdminEndpoints();
        endpoints.Select(e => e.Path).ShouldContain("/admin/audit");
        endpoints.Select(e => e.Path).ShouldContain("/api/admin/users");
        foreach (var (method, path) in endpoints)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{method} {path} as alice");
        }
    }

    [Fact]
    public async Task AdminEndpoints_Admin_AreAllowed()
    {
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        foreach (var (method, path) in AdminEndpoints().Where(e => e.Method == "GET"))
        {
            using var response = await client.GetAsync(path);
            // A sample id names nothing: the API's answer is then its 404 ProblemDetails, not a 403.
            if (path.StartsWith("/api/", StringComparison.Ordinal) && path.Contains("/sample", StringComparison.Ordinal)) response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"GET {path} as admin");
            else response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path} as admin");
        }
    }

    [Fact]
    public async Task ProtectedEndpoints_Anonymous_PagesRedirectToSignInAndApiAnswers401()
    {
        var client = _factory.CreateBrowserLikeClient();
        var protectedGets = RouteEndpoints()
            .Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any())
            .Where(e => e.Method == "GET")
            .ToList();
        protectedGets.Select(e => e.Path).ShouldContain("/");
        protectedGets.Select(e => e.Path).ShouldContain("/api/users/me");

        foreach (var (_, path, _) in protectedGets)
        {
            using var response = await client.GetAsync(path);
            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
                response.Headers.Location!.ToString().ShouldStartWith("http://localhost/account/signin?ReturnUrl=");
            }
        }
    }

    [Fact]
    public void AdminPolicyEndpoints_AreExactlyThoseUnderAdminPaths()
    {
        // Every endpoint that carries the admin policy must be under /admin or /api/admin, and vice
        // versa, so the path-based enumeration above cannot miss one.
        var byPolicy = RouteEndpoints().Where(e => e.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == AuthSchemes.AdminPolicy))
            .Select(e => e.Path).Distinct().Order().ToList();
        AdminEndpoints().Select(e => e.Path).Distinct().Order().ToList().ShouldBe(byPolicy);
    }

    [Fact]
    public async Task ApiUrl_AnonymousBrowserNavigation_GoesToSignIn_ApiClientGets401()
    {
        var client = _factory.CreateBrowserLikeClient();
        using var navigation = new HttpRequestMessage(HttpMethod.Get, "/api/token/callback?code=c&state=s");
        navigation.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");

        using var browser = await client.SendAsync(navigation);
        using var api = await client.GetAsync("/api/token/callback?code=c&state=s");

        browser.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        browser.Headers.Location!.ToString().ShouldStartWith("http://localhost/account/signin?ReturnUrl=%2Fapi%2Ftoken%2Fcallback");
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DevSignIn_WithoutAntiforgeryToken_IsRejected()
    {
        var client = _factory.CreateBrowserLikeClient();
        using var response = await client.PostAsync("/account/dev-signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "admin" }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/users/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRejectedAndSessionStays()
    {
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync("alice");
        client.DefaultRequestHeaders.Remove(DevelopmentSignIn.TokenHeader);

        using var forged = await client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/users/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignOut_WithToken_EndsTheSession()
    {
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync("alice");
        var token = await DevelopmentSignIn.AntiforgeryTokenAsync(client, "/");

        using var response = await client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/account/signed-out");
        (await client.GetAsync("/api/users/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UsersMe_SignedIn_ReturnsOnlyTheCaller()
    {
        var client = _factory.CreateBrowserLikeClient();
        await client.SignInAsync("bob");
        var me = await client.GetStringAsync("/api/users/me");
        me.ShouldContain("\"id\":\"bob\"");
        me.ShouldNotContain("alice");
    }

    private List<(string Method, string Path)> AdminEndpoints() =>
        RouteEndpoints()
            .Where(e => e.Path.StartsWith("/admin", StringComparison.Ordinal) || e.Path.StartsWith("/api/admin", StringComparison.Ordinal))
            .Select(e => (e.Method, e.Path))
            .Distinct()
            .ToList();

    /// <summary>Every routed endpoint, with its route parameters filled in with a sample value.</summary>
    private List<(string Method, string Path, RouteEndpoint Endpoint)> RouteEndpoints()
    {
        _factory.CreateClient().Dispose(); // makes sure the host has started
        var source = _factory.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null && !e.RoutePattern.RawText.Contains("{*", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, SamplePath(e.RoutePattern.RawText!), e)))
            .ToList();
    }

    private static string SamplePath(string pattern)
    {
        // A number where the route constraint wants one ({id:long}), so the request reaches the endpoint.
        var numbered = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}:]+:(long|int)\}", "1");
        var path = System.Text.RegularExpressions.Regex.Replace(numbered, @"\{[^}]+\}", "sample");
        return path.StartsWith('/') ? path : "/" + path;
    }
}
