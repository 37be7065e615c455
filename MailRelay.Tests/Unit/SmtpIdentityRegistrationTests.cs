using Amazon.Runtime;
using MailRelay.Core;
using MailRelay.Core.Smtp;
using MailRelay.Core.Smtp.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MailRelay.Tests.Unit;

public class SmtpIdentityRegistrationTests
{
    [Theory]
    [InlineData(null, typeof(LocalSmtpIdentityProvisioner))]
    [InlineData("Local", typeof(LocalSmtpIdentityProvisioner))]
    [InlineData("iam", typeof(IamSmtpIdentityProvisioner))]
    public void AddMailRelayCore_SmtpIdentityProvider_PicksTheAdapter(string? provider, Type expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SmtpIdentity:Provider"] = provider,
            ["SmtpIdentity:Region"] = "eu-west-1",
            ["SmtpIdentity:SendingDomains:0"] = "example.com",
            ["SmtpIdentity:IamServiceUrl"] = "http://127.0.0.1:9/",
        });
        builder.Services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIDEXAMPLE", "secret"));
        builder.AddMailRelayCore();
        using var services = builder.Services.BuildServiceProvider();

        services.GetRequiredService<ISmtpIdentityProvisioner>().ShouldBeOfType(expected);
        services.GetRequiredService<SmtpProvisioning>().ShouldNotBeNull();
    }
}
