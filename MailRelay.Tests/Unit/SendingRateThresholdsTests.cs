using MailRelay.Core.Outbound;

namespace MailRelay.Tests.Unit;

public sealed class SendingRateThresholdsTests
{
    [Theory]
    [InlineData(null, SendingRateLevel.NoData)]
    [InlineData(0.0, SendingRateLevel.Healthy)]
    [InlineData(0.0499, SendingRateLevel.Healthy)]
    [InlineData(0.05, SendingRateLevel.Review)]
    [InlineData(0.0999, SendingRateLevel.Review)]
    [InlineData(0.10, SendingRateLevel.Pause)]
    public void Bounce_SesThresholds_AmberAtFiveRedAtTenPercent(double? rate, SendingRateLevel expected) =>
        SendingRateThresholds.Bounce(rate).ShouldBe(expected);

    [Theory]
    [InlineData(0.0009, SendingRateLevel.Healthy)]
    [InlineData(0.001, SendingRateLevel.Review)]
    [InlineData(0.0049, SendingRateLevel.Review)]
    [InlineData(0.005, SendingRateLevel.Pause)]
    public void Complaint_SesThresholds_AmberAtOneTenthRedAtHalfAPercent(double rate, SendingRateLevel expected) =>
        SendingRateThresholds.Complaint(rate).ShouldBe(expected);

    [Fact]
    public void OutboundRates_NoSendEvents_BaseIsDeliveriesPlusBounces()
    {
        var rates = new OutboundRates("s1", 0, 90, 10, 1);

        (rates.Base, rates.BounceRate, rates.ComplaintRate).ShouldBe((100, 0.1, 0.01));
    }

    [Fact]
    public void OutboundRates_NothingSent_HasNoRate() =>
        new OutboundRates("s1", 0, 0, 0, 0).BounceRate.ShouldBeNull();
}
