using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MailRelay.Core.Configuration;

/// <summary>Logs once at start which adapter serves each port, so an operator can see the mode.</summary>
public sealed partial class AdapterChoiceLogger(IEnumerable<IPortOptions> ports, ILogger<AdapterChoiceLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var port in ports) LogChoice(logger, port.PortName, port.Provider);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Port {Port} uses the {Provider} adapter")]
    private static partial void LogChoice(ILogger logger, string port, string provider);
}
