using MailRelay.Core.Configuration;
using Microsoft.Extensions.Options;

namespace MailRelay.Web.Hosting;

public sealed class HostingOptionsValidator : IValidateOptions<HostingOptions>
{
    /// <summary>Under App Runner's 120 s request cap with room for the poll's round trip.</summary>
    public static readonly TimeSpan MaxLongPollTimeout = TimeSpan.FromSeconds(110);

    public ValidateOptionsResult Validate(string? name, HostingOptions options) => ProviderChoice.ToResult(
        options.IsLongPolling || string.Equals(options.CircuitTransport, HostingOptions.AutoTransport, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Hosting:CircuitTransport '{options.CircuitTransport}' is not known; use one of: {HostingOptions.AutoTransport}, {HostingOptions.LongPollingTransport}.",
        options.LongPollTimeout >= TimeSpan.FromSeconds(1) && options.LongPollTimeout <= MaxLongPollTimeout
            ? null
            : $"Hosting:LongPollTimeout must be between 00:00:01 and {MaxLongPollTimeout:c} (it is {options.LongPollTimeout:c}), so a poll ends before a front's request cap (App Runner's is 120 s).");
}
