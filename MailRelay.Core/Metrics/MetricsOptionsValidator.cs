using MailRelay.Core.Configuration;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Metrics;

public sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    // CloudWatch accepts 1-255 characters in a namespace, not starting with ':'.
    public ValidateOptionsResult Validate(string? name, MetricsOptions o) =>
        ProviderChoice.ToResult(
            ProviderChoice.UnknownProvider(MetricsOptions.SectionName, o.Provider, MetricsOptions.Emf, MetricsOptions.None),
            string.IsNullOrWhiteSpace(o.Namespace) || o.Namespace.Length > 255 || o.Namespace.StartsWith(':')
                ? "Metrics:Namespace must be 1 to 255 characters and must not start with ':' (CloudWatch's rule)." : null,
            o.SampleInterval < TimeSpan.FromSeconds(1) || o.SampleInterval > TimeSpan.FromMinutes(1)
                ? "Metrics:SampleInterval must be between 00:00:01 and 00:01:00." : null,
            o.RetentionDays is < 1 or > 3650 ? "Metrics:RetentionDays must be between 1 and 3650." : null);
}
