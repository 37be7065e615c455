using MailRelay.Core.Metrics;
using MailRelay.Core.Metrics.Adapters;

namespace MailRelay.Tests.Contracts;

/// <summary>The metrics contract for <c>Metrics:Provider=None</c>: the figures go nowhere, stdout included.</summary>
public sealed class DiscardingMetricsPublisherContractTests : MetricsPublisherContract
{
    protected override bool SendsFigures => false;

    /// <summary>It takes no writer: the contract's writer, stdout's stand-in, must stay empty.</summary>
    protected override IMetricsPublisher CreatePublisher(TextWriter output, string @namespace) => new DiscardingMetricsPublisher();
}
