using MailRelay.Core.Audit;
using MailRelay.Tests.Support;
using MailRelay.Web.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>
/// Every action a page offers is also an <c>/api</c> endpoint, for admins who automate. The audit
/// actions are the list of state-changing page actions; each must be declared (<see cref="AuditedAction"/>)
/// by an endpoint the app maps. What each endpoint really does is proven in the per-area API tests.
/// </summary>
public sealed class ApiParityTests : IAsyncLifetime
{
    /// <summary>
    /// Audited, but not actions a page offers: signing in and out start and end the browser session
    /// (an API caller authenticates each request with the cookie or a bearer token); the system sends
    /// notices itself; a refused Gmail connect is an outcome of the consent callback, not a choice.
    /// </summary>
    private static readonly string[] NotPageActions =
        [AuditActions.SignIn, AuditActions.SignOut, AuditActions.NoticeSent, AuditActions.GmailConnectRefused];

    private readonly MailRelayFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private IReadOnlyList<RouteEndpoint> ApiEndpoints()
    {
        _factory.CreateClient().Dispose(); // starts the host
        return _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } path && path.StartsWith("/api/", StringComparison.Ordinal))
            .ToList();
    }

    [Fact]
    public void EveryAuditedPageAction_HasAnApiEndpointThatPerformsIt()
    {
        var declared = ApiEndpoints().SelectMany(e => e.Metadata.GetOrderedMetadata<AuditedAction>()).Select(a => a.Action).ToHashSet();

        AuditActions.All.Except(NotPageActions).Where(a => !declared.Contains(a)).ShouldBeEmpty("page actions without an /api endpoint");
    }

    [Fact]
    public void DeclaredActions_AreAuditActions_AndAdminActionsAreUnderAdmin()
    {
        var endpoints = ApiEndpoints();

        foreach (var endpoint in endpoints)
        foreach (var action in endpoint.Metadata.GetOrderedMetadata<AuditedAction>())
        {
            AuditActions.All.ShouldContain(action.Action, endpoint.RoutePattern.RawText);
            NotPageActions.ShouldNotContain(action.Action, endpoint.RoutePattern.RawText);
        }
        // Only the caller's own actions (Gmail, My queue) are outside /api/admin.
        string[] ownActions = [AuditActions.GmailConnect, AuditActions.GmailRenew, AuditActions.GmailDisconnect, AuditActions.QueueDeliverNow];
        endpoints.Where(e => !e.RoutePattern.RawText!.StartsWith("/api/admin/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetOrderedMetadata<AuditedAction>()).Select(a => a.Action)
            .ShouldAllBe(a => ownActions.Contains(a));
    }

    [Fact]
    public void DnsCheckNow_HasAnApiEndpoint()
    {
        // "Check now" changes nothing but the shown results, so it is not audited; it is still a page action.
        ApiEndpoints().ShouldContain(e => e.RoutePattern.RawText == "/api/admin/domains/check"
            && e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Contains("POST"));
    }
}
