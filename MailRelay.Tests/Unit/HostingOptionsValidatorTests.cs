using MailRelay.Web.Hosting;

namespace MailRelay.Tests.Unit;

public class HostingOptionsValidatorTests
{
    private readonly HostingOptionsValidator _validator = new();

    [Theory]
    [InlineData("Auto")]
    [InlineData("LongPolling")]
    [InlineData("longpolling")]
    public void Validate_KnownTransport_Succeeds(string transport) =>
        _validator.Validate(null, new HostingOptions { CircuitTransport = transport }).Succeeded.ShouldBeTrue();

    [Fact]
    public void Validate_UnknownTransport_NamesKeyAndChoices() =>
        _validator.Validate(null, new HostingOptions { CircuitTransport = "WebSockets" }).Failures.ShouldBe(
            ["Hosting:CircuitTransport 'WebSockets' is not known; use one of: Auto, LongPolling."]);

    [Fact]
    public void Validate_LongPollTimeoutAtFrontsCap_IsRefused() =>
        _validator.Validate(null, new HostingOptions { LongPollTimeout = TimeSpan.FromSeconds(120) }).Failures.ShouldBe(
            ["Hosting:LongPollTimeout must be between 00:00:01 and 00:01:50 (it is 00:02:00), so a poll ends before a front's request cap (App Runner's is 120 s)."]);

    [Fact]
    public void Defaults_AreValidAndPollUnderAppRunnersCap()
    {
        var defaults = new HostingOptions();
        _validator.Validate(null, defaults).Succeeded.ShouldBeTrue();
        defaults.IsLongPolling.ShouldBeFalse();
        defaults.LongPollTimeout.ShouldBeLessThan(TimeSpan.FromSeconds(120));
    }
}
