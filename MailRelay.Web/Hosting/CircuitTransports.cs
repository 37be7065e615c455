using Microsoft.AspNetCore.Http.Connections;

namespace MailRelay.Web.Hosting;

/// <summary>
/// Applies <see cref="HostingOptions.CircuitTransport"/> and <see cref="HostingOptions.LongPollTimeout"/>
/// to the Blazor hub. .NET 10's <c>AddInteractiveServerRenderMode</c> has no hook for the hub's
/// <see cref="HttpConnectionDispatcherOptions"/> (<c>ConfigureConnection</c> comes later,
/// dotnet/aspnetcore#66387); the hub endpoints carry that very instance as metadata, so a
/// convention reaches it there. The browser's half is wwwroot/js/circuit-start.js.
/// </summary>
public static class CircuitTransports
{
    public static RazorComponentsEndpointConventionBuilder WithCircuitTransport(this RazorComponentsEndpointConventionBuilder builder, HostingOptions hosting)
    {
        builder.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<HttpConnectionDispatcherOptions>().FirstOrDefault() is not { } connection) return;
            connection.LongPolling.PollTimeout = hosting.LongPollTimeout;
            // The server refuses the other transports too, so a client that ignores the page's choice fails visibly.
            if (hosting.IsLongPolling) connection.Transports = HttpTransportType.LongPolling;
        });
        return builder;
    }
}
