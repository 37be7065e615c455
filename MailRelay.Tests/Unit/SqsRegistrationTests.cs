using Amazon.Runtime;
using MailRelay.Core.Adapters.Aws;
using MailRelay.Core.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailRelay.Tests.Unit;

public class SqsRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIDEXAMPLE", "secret"));
        services.AddSqsInbound();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddSqsInbound_ValidSettings_ResolvesTheSqsSource()
    {
        using var provider = Build(new()
        {
            ["Inbound:Sqs:QueueUrl"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/mailrelay-inbound",
            ["Inbound:Sqs:Region"] = "eu-west-1",
        });

        provider.GetRequiredService<IInboundSource>().ShouldBeOfType<SqsInboundSource>();
        provider.GetRequiredService<SqsQueryClient>().QueueUrl.ShouldBe(new Uri("https://sqs.eu-west-1.amazonaws.com/123456789012/mailrelay-inbound"));
        var options = provider.GetRequiredService<IOptions<SqsInboundOptions>>().Value;
        options.WaitTimeSeconds.ShouldBe(20);
        options.VisibilityTimeoutSeconds.ShouldBe(300);
    }

    [Fact]
    public void AddSqsInbound_BadSettings_FailsNamingEachKey()
    {
        using var provider = Build(new()
        {
            ["Inbound:Sqs:QueueUrl"] = "mailrelay-inbound",
            ["Inbound:Sqs:WaitTimeSeconds"] = "30",
        });

        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SqsInboundOptions>>().Value);

        error.Message.ShouldContain("Inbound:Sqs:QueueUrl");
        error.Message.ShouldContain("Inbound:Sqs:Region");
        error.Message.ShouldContain("Inbound:Sqs:WaitTimeSeconds");
    }
}
