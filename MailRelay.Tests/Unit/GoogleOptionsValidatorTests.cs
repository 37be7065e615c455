using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail.Adapters;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailRelay.Tests.Unit;

public sealed class GoogleOptionsValidatorTests
{
    [Fact]
    public void Validate_LocalMailboxChosen_NeedsNoGoogleSettings() =>
        Failures(new() { ["Google:ClientId"] = "", ["Google:TokenUrl"] = "nonsense" }).ShouldBeEmpty();

    [Fact]
    public void Validate_GmailChosenWithoutClient_NamesBothKeys() =>
        Failures(new() { ["MailboxDelivery:Provider"] = "gmail" }).ShouldBe([
            "Google:ClientId is required when MailboxDelivery:Provider is Gmail.",
            "Google:ClientSecret is required when MailboxDelivery:Provider is Gmail.",
        ]);

    [Theory]
    [InlineData("Google:AuthorizationUrl")]
    [InlineData("Google:TokenUrl")]
    [InlineData("Google:RevokeUrl")]
    [InlineData("Google:GmailApiBaseUrl")]
    public void Validate_GmailChosenWithRelativeUrl_NamesTheKey(string key) =>
        Failures(Gmail(new() { [key] = "/token" })).ShouldBe([$"{key} must be an absolute http(s) URL, but is '/token'."]);

    [Fact]
    public void Validate_GmailChosenWithNonPositiveTimes_IsRefused() =>
        Failures(Gmail(new() { ["Google:RequestTimeout"] = "00:00:00", ["Google:RefreshTokenLifetime"] = "-1.00:00:00" })).ShouldBe([
            "Google:RefreshTokenLifetime must be positive or empty (unknown), but is '-1.00:00:00'.",
            "Google:RequestTimeout must be positive, but is '00:00:00'.",
        ], ignoreOrder: true);

    [Fact]
    public void Validate_GmailFullyConfigured_IsValid() => Failures(Gmail([])).ShouldBeEmpty();

    [Fact]
    public void Bind_RefreshTokenLifetime_DefaultsToSevenDaysAndEmptyMeansUnknown()
    {
        Options(Gmail([])).RefreshTokenLifetime.ShouldBe(TimeSpan.FromDays(7));
        Options(Gmail(new() { ["Google:RefreshTokenLifetime"] = "" })).RefreshTokenLifetime.ShouldBeNull();
        Options(Gmail(new() { ["Google:RefreshTokenLifetime"] = "90.00:00:00" })).RefreshTokenLifetime.ShouldBe(TimeSpan.FromDays(90));
    }

    [Fact]
    public void AddGmailDelivery_RegistersTheAdapterButNotThePort()
    {
        using var services = Services(Gmail([]));

        services.GetRequiredService<GmailMailboxDelivery>().ShouldBeSameAs(services.GetRequiredService<GmailMailboxDelivery>());
        services.GetService<MailRelay.Core.Forwarding.IMailboxDelivery>().ShouldBeNull("which adapter serves the port is decided elsewhere");
    }

    private static Dictionary<string, string?> Gmail(Dictionary<string, string?> more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MailboxDelivery:Provider"] = "Gmail",
            ["Google:ClientId"] = "id.apps.googleusercontent.com",
            ["Google:ClientSecret"] = "secret",
        };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    private static GoogleOptions Options(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        return services.GetRequiredService<IOptions<GoogleOptions>>().Value;
    }

    private static List<string> Failures(Dictionary<string, string?> settings)
    {
        try
        {
            Options(settings);
            return [];
        }
        catch (OptionsValidationException e)
        {
            return e.Failures.ToList();
        }
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        StorePortSubstitutes.Create().AddTo(services);
        services.AddSingleton(NSubstitute.Substitute.For<MailRelay.Core.Storage.ISecretProtector>());
        services.AddOptions<MailboxDeliveryOptions>().BindConfiguration(MailboxDeliveryOptions.SectionName);
        services.AddGmailDelivery();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
