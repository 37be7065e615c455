using Amazon;
using Amazon.Runtime;
using Amazon.SQS;
using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Adapters;
using MailRelay.Core.Infrastructure.Aws;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailRelay.Tests.Unit;

public class SqsRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, AWSCredentials? credentials = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton(credentials ?? new BasicAWSCredentials("AKIDEXAMPLE", "secret"));
        services.AddSqsInbound();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddSqsInbound_ValidSettings_ResolvesTheSqsSourceOnTheRegionsEndpoint()
    {
        using var provider = Build(new()
        {
            ["Inbound:Sqs:QueueUrl"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/mailrelay-inbound",
            ["Inbound:Sqs:Region"] = "eu-west-1",
        });

        provider.GetRequiredService<IInboundSource>().ShouldBeOfType<SqsInboundSource>();
        var options = provider.GetRequiredService<IOptions<SqsInboundOptions>>().Value;
        options.WaitTimeSeconds.ShouldBe(20);
        options.VisibilityTimeoutSeconds.ShouldBe(300);
        var config = provider.GetRequiredKeyedService<IAmazonSQS>(SqsRegistration.InboundClientKey).Config;
        config.RegionEndpoint.ShouldBe(RegionEndpoint.EUWest1);
        config.ServiceURL.ShouldBeNull();
        config.Timeout.ShouldBe(TimeSpan.FromSeconds(60), "the HTTP timeout outlasts the 20 s long poll");
        config.HttpClientFactory.ShouldBeOfType<RecyclingHttpClientFactory>().PooledConnectionLifetime.ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task AddSqsInbound_ServiceUrl_ReceivesFromThatEndpointSignedForTheRegionWithTheRegisteredCredentials()
    {
        await using var sqs = await FakeSqsEndpoint.StartAsync();
        sqs.Queue.Send(SesNotifications.SqsBody("ses-1", ["alice@mail.example.com"], "inbound/ses-1"));
        var credentials = FakeSqsEndpoint.Credentials;
        using var provider = Build(new()
        {
            ["Inbound:Sqs:QueueUrl"] = FakeSqsEndpoint.QueueUrl,
            ["Inbound:Sqs:Region"] = FakeSqsEndpoint.Region,
            ["Inbound:Sqs:ServiceUrl"] = sqs.Url.ToString(),
            ["Inbound:Sqs:WaitTimeSeconds"] = "0",
            ["Inbound:Sqs:VisibilityTimeoutSeconds"] = "45",
        }, new SessionAWSCredentials(credentials.AccessKey, credentials.SecretKey, credentials.Token));

        var item = (await provider.GetRequiredService<IInboundSource>().ReceiveAsync(10, CancellationToken.None)).ShouldHaveSingleItem();

        item.MessageId.ShouldBe("ses-1");
        var request = sqs.Requests.ShouldHaveSingleItem();
        request.SignatureProblem.ShouldBeNull();
        request.SecurityToken.ShouldBe(credentials.Token);
        request.QueueUrl.ShouldBe(FakeSqsEndpoint.QueueUrl);
        request.Int("WaitTimeSeconds").ShouldBe(0);
        request.Int("VisibilityTimeout").ShouldBe(45);
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
