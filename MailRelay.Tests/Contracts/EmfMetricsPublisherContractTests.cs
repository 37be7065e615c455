using MailRelay.Core.Metrics;
using MailRelay.Core.Metrics.Adapters;

namespace MailRelay.Tests.Contracts;

/// <summary>The metrics contract for CloudWatch EMF lines on a writer (stdout in production).</summary>
public sealed class EmfMetricsPublisherContractTests : MetricsPublisherContract
{
    protected override bool SendsFigures => true;

    protected override IMetricsPublisher CreatePublisher(TextWriter output, string @namespace) => new EmfMetricsPublisher(output, @namespace);
}
