using MailRelay.Core.Configuration;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Forwarding;

public sealed class ForwardingOptionsValidator : IValidateOptions<ForwardingOptions>
{
    public ValidateOptionsResult Validate(string? name, ForwardingOptions o) =>
        ProviderChoice.ToResult(
            AtLeast("Forwarding:BatchSize", o.BatchSize, 1),
            AtLeast("Forwarding:ParallelUsers", o.ParallelUsers, 1),
            AtLeast("Forwarding:ImportsPerMinutePerUser", o.ImportsPerMinutePerUser, 1),
            AtLeast("Forwarding:BlobRetentionDays", o.BlobRetentionDays, 0),
            Positive("Forwarding:IntakeInterval", o.IntakeInterval),
            Positive("Forwarding:ForwardInterval", o.ForwardInterval),
            Positive("Forwarding:SweepInterval", o.SweepInterval),
            Positive("Forwarding:ExpiryCheckInterval", o.ExpiryCheckInterval),
            // The heartbeat renews every third of it: shorter leases would keep the store busy renewing.
            AtLeast("Forwarding:LeaseDuration", o.LeaseDuration, MinimumLease),
            Positive("Forwarding:RetryDelay", o.RetryDelay),
            Positive("Forwarding:MaxBackoff", o.MaxBackoff));

    private static readonly TimeSpan MinimumLease = TimeSpan.FromSeconds(1);

    private static string? AtLeast(string key, TimeSpan value, TimeSpan minimum) =>
        value < minimum ? $"{key} must be at least {minimum:c} (it is {value:c})." : null;

    private static string? AtLeast(string key, int value, int minimum) => value < minimum ? $"{key} must be at least {minimum}." : null;

    private static string? Positive(string key, TimeSpan value) => value <= TimeSpan.Zero ? $"{key} must be a positive time span like 00:00:05." : null;
}
