using MailRelay.Core;
using MailRelay.Core.Notifications;
using MailRelay.Core.Routing;
using MailRelay.Workers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MailRelay.Tests.Support;

/// <summary>
/// The real engine (Core services and Quartz jobs, no web) over a data folder that can outlive
/// the host, so a test can stop one host and start another over the same App_Data.
/// </summary>
public sealed class RelayHost : IAsyncDisposable
{
    private readonly IHost _host;

    private RelayHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public StorePorts Store => StorePorts.From(Services);

    public static async Task<RelayHost> StartAsync(string dataDirectory, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = dataDirectory, EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalData:Directory"] = dataDirectory,
            ["Forwarding:IntakeInterval"] = "00:00:00.200",
            ["Forwarding:ForwardInterval"] = "00:00:00.500",
            ["Forwarding:RetryDelay"] = "00:00:00.050",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMailRelayCore();
        builder.AddMailRelayWorkers();
        // Emails are Razor components (MailRelay.Web); the engine needs them to send notices.
        builder.Services.AddSingleton<IEmailComposer, MailRelay.Web.Emails.RazorEmailComposer>();
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new RelayHost(host);
    }

    public async Task<MailRoute> RouteAsync(string pattern, string userId, RouteActionKind kind = RouteActionKind.Gmail, bool holdSpam = false)
    {
        await Store.Users.EnsureUserAsync(userId, $"{userId}@example.com", userId, [], DateTimeOffset.UtcNow, default);
        var saved = await Services.GetRequiredService<MailRelay.Core.Routing.RouteAdmin>()
            .SaveAsync("test-admin", 0, pattern, [new RouteAction(kind, userId)], holdSpam, default);
        return saved.Value ?? throw new InvalidOperationException(saved.Failure?.Message);
    }

    /// <summary>Waits until the condition holds, polling the real store; fails with the description after the timeout.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string description, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting until {description}.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
