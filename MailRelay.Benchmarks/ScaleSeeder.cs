using MailRelay.Core;
using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound;
using MailRelay.Core.Routing;
using MailRelay.Core.Users;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MailRelay.Benchmarks;

/// <summary>
/// MailRelay's Core services (no jobs, no web) over the same AWS environment as the instances, as
/// an admin's tooling would be: it creates the table, routes the users and connects their Gmail
/// before the instances start, and reads the received order back afterwards.
/// </summary>
public sealed class ScaleSeeder : IAsyncDisposable
{
    private readonly IHost _host;

    private ScaleSeeder(IHost host) => _host = host;

    /// <param name="environment">The instances' environment variables (<c>Section__Key</c>), AWS credentials included.</param>
    public static async Task<ScaleSeeder> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        // The AWS SDK's default chain reads the credentials from the process environment, as the instances' does.
        foreach (var name in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_EC2_METADATA_DISABLED" })
            System.Environment.SetEnvironmentVariable(name, environment[name]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Aws", ContentRootPath = RepositoryPaths.WebProject });
        builder.Configuration
            .AddJsonFile(Path.Combine(RepositoryPaths.WebProject, "appsettings.json"))
            .AddJsonFile(Path.Combine(RepositoryPaths.WebProject, "appsettings.Aws.json"))
            .AddInMemoryCollection(environment.Where(e => e.Key.Contains("__", StringComparison.Ordinal))
                .Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), (string?)e.Value)));
        builder.AddMailRelayCore();
        // Emails are Razor components (MailRelay.Web); the Core services need a composer to be built.
        builder.Services.AddSingleton<MailRelay.Core.Notifications.IEmailComposer, MailRelay.Web.Emails.RazorEmailComposer>();
        // No jobs run here: the instances forward on their own schedule, so "run soon" has nothing to wake.
        builder.Services.AddSingleton<MailRelay.Core.Forwarding.IForwardingScheduler, NoJobsHere>();
        var host = builder.Build();
        await host.StartAsync();
        return new ScaleSeeder(host);
    }

    /// <summary>User <paramref name="userId"/> with mail to <paramref name="address"/> routed to their Gmail, connected with <paramref name="account"/>.</summary>
    public async Task ConnectAsync(string userId, string address, MailRelay.Tests.Fakes.FakeGoogleUser account)
    {
        var services = _host.Services;
        await services.GetRequiredService<IUserStore>().EnsureUserAsync(userId, address, userId, [], DateTimeOffset.UtcNow, default);
        var saved = await services.GetRequiredService<RouteAdmin>().SaveAsync("bench-admin", 0, address, [new RouteAction(RouteActionKind.Gmail, userId)], false, default);
        if (!saved.IsSuccess) throw new InvalidOperationException(saved.Failure!.Message);
        await services.GetRequiredService<GmailConnections>().ConnectAsync(userId, account.Email, account.RefreshToken, "gmail.insert", null, default);
    }

    /// <summary>Each stored message's received order (its sequence), by message id.</summary>
    public async Task<IReadOnlyDictionary<string, long>> SequencesAsync(IReadOnlyCollection<string> messageIds)
    {
        var store = _host.Services.GetRequiredService<IMessageStore>();
        var sequences = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in messageIds.Chunk(100))
        {
            foreach (var (id, message) in await store.FindMessagesAsync(chunk, default)) sequences[id] = message.Sequence;
        }
        return sequences;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private sealed class NoJobsHere : MailRelay.Core.Forwarding.IForwardingScheduler
    {
        public Task RunSoonAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
