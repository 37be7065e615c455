using Amazon.Runtime;
using MailRelay.Core;
using MailRelay.Core.Outbound;
using MailRelay.Core.Outbound.Adapters;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MailRelay.Tests.Unit;

public sealed class OutboundEventsRegistrationTests
{
    private static ServiceProvider Build(string dataDirectory, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = dataDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration["LocalData:Directory"] = dataDirectory;
        builder.Services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIDEXAMPLE", "secret"));
        builder.AddMailRelayCore();
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public void OutboundEventSource_Defaults_IsTheLocalFolder()
    {
        using var data = new TempDirectory();
        using var services = Build(data.Path, []);

        services.GetRequiredService<IOutboundEventSource>().ShouldBeOfType<FolderOutboundEventSource>();
    }

    [Fact]
    public void OutboundEventSource_ProviderSqs_IsTheEventsQueue()
    {
        using var data = new TempDirectory();
        using var services = Build(data.Path, new()
        {
            ["Outbound:Provider"] = "Sqs",
            ["Outbound:EventsQueueUrl"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/mailrelay-outbound-events",
            ["Outbound:Region"] = "eu-west-1",
        });

        services.GetRequiredService<IOutboundEventSource>().ShouldBeOfType<SqsOutboundEventSource>();
    }
}
