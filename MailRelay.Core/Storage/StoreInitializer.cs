using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MailRelay.Core.Storage;

/// <summary>Brings the store's schema up to date before anything else starts using it.</summary>
public sealed partial class StoreInitializer(IStoreSchema store, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        LogReady(logger, store.GetType().Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Store {Store} is ready")]
    private static partial void LogReady(ILogger logger, string store);
}
