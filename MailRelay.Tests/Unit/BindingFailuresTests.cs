using MailRelay.Core;
using MailRelay.Core.Configuration;
using MailRelay.Core.Forwarding;
using MailRelay.Web.Auth;
using MailRelay.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MailRelay.Tests.Unit;

public class BindingFailuresTests
{
    private sealed class Sample
    {
        public TimeSpan Lease { get; set; }
        public int Count { get; set; }
        public bool Enabled { get; set; }
        public TimeSpan? Lifetime { get; set; }
        public DayOfWeek Day { get; set; }
        public string Name { get; set; } = "";
        public List<int> Ports { get; set; } = [];
        public Dictionary<string, Sample> Children { get; set; } = [];
    }

    [Fact]
    public void Of_UnconvertibleValues_NamesEveryKeyWithItsExpectedForm()
    {
        var section = Section(new()
        {
            ["S:Lease"] = "abc",
            ["S:Count"] = "lots",
            ["S:Enabled"] = "yes",
            ["S:Lifetime"] = "7days",
            ["S:Day"] = "Someday",
            ["S:Name"] = "anything goes",
            ["S:Ports:0"] = "25",
            ["S:Ports:1"] = "smtp",
            ["S:Children:a:Count"] = "many",
        });

        BindingFailures.Of(section, typeof(Sample)).ShouldBe([
            "S:Lease is 'abc', which is not a time span such as 00:05:00 (hh:mm:ss, or d.hh:mm:ss for days).",
            "S:Count is 'lots', which is not a whole number.",
            "S:Enabled is 'yes', which is not true or false.",
            "S:Lifetime is '7days', which is not a time span such as 00:05:00 (hh:mm:ss, or d.hh:mm:ss for days).",
            "S:Day is 'Someday', which is not one of: Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday.",
            "S:Ports:1 is 'smtp', which is not a whole number.",
            "S:Children:a:Count is 'many', which is not a whole number.",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Of_ConvertibleOrEmptyNullableValues_NoFailures()
    {
        var section = Section(new()
        {
            ["S:Lease"] = "1.00:00:00",
            ["S:Count"] = "12",
            ["S:Enabled"] = "True",
            ["S:Lifetime"] = "",
            ["S:Day"] = "monday",
            ["S:Ports:0"] = "587",
        });

        BindingFailures.Of(section, typeof(Sample)).ShouldBeEmpty();
    }

    [Fact]
    public void BindSection_UnconvertibleValue_IsAValidationFailureNotTheBindersException()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Forwarding:LeaseDuration"] = "abc",
            ["Forwarding:BatchSize"] = "lots",
        }).Build());
        services.AddOptions<ForwardingOptions>().BindSection(ForwardingOptions.SectionName);
        using var provider = services.BuildServiceProvider();

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ForwardingOptions>>().Value);

        error.Failures.ShouldBe([
            "Forwarding:LeaseDuration is 'abc', which is not a time span such as 00:05:00 (hh:mm:ss, or d.hh:mm:ss for days).",
            "Forwarding:BatchSize is 'lots', which is not a whole number.",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Start_UnconvertibleValuesInSeveralSections_ReportedTogetherWithValidationFailures()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Forwarding:LeaseDuration"] = "abc",
            ["Forwarding:BatchSize"] = "lots",
            ["Google:RefreshTokenLifetime"] = "7days",
            ["Metrics:RetentionDays"] = "a year",
            ["Inbound:Provider"] = "Pop3",
        });

        // Building the host reads some sections already (adapters, job intervals): that must not throw either.
        builder.AddMailRelayCore();
        builder.AddMailRelayWorkers();
        builder.Services.AddMailRelayAuth(builder.Configuration);
        using var services = builder.Services.BuildServiceProvider();

        var error = Should.Throw<AggregateException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        var failures = error.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        failures.ShouldContain("Forwarding:LeaseDuration is 'abc', which is not a time span such as 00:05:00 (hh:mm:ss, or d.hh:mm:ss for days).");
        failures.ShouldContain("Forwarding:BatchSize is 'lots', which is not a whole number.");
        failures.ShouldContain("Google:RefreshTokenLifetime is '7days', which is not a time span such as 00:05:00 (hh:mm:ss, or d.hh:mm:ss for days).");
        failures.ShouldContain("Metrics:RetentionDays is 'a year', which is not a whole number.");
        failures.ShouldContain("Inbound:Provider 'Pop3' is not known; use one of: Folder, Sqs.");
        error.InnerExceptions.ShouldAllBe(e => e is OptionsValidationException);
    }

    [Theory]
    [InlineData(typeof(TimeSpan), "a time span such as 00:05:00 (hh:mm:ss, or d.hh:mm:ss for days)")]
    [InlineData(typeof(int), "a whole number")]
    [InlineData(typeof(long?), "a whole number")]
    [InlineData(typeof(bool), "true or false")]
    [InlineData(typeof(double), "a number such as 0.5")]
    public void ExpectedForm_CommonTypes_SaysTheForm(Type type, string expected) =>
        BindingFailures.ExpectedForm(type).ShouldBe(expected);

    private static IConfigurationSection Section(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(settings.Keys.First().Split(':')[0]);
}
