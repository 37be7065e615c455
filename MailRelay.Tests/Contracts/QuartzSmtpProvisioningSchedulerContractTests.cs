using MailRelay.Core.Smtp;
using MailRelay.Workers.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Contracts;

/// <summary>The provisioning-scheduler contract for the Quartz adapter the workers register: it fires the job now.</summary>
public sealed class QuartzSmtpProvisioningSchedulerContractTests : SmtpProvisioningSchedulerContract
{
    protected override bool RunsAtOnce => true;

    protected override void AddServices(IServiceCollection services) => services.AddSingleton<JobTrigger>();

    protected override ISmtpProvisioningScheduler CreateScheduler(IServiceProvider services) =>
        new QuartzSmtpProvisioningScheduler(services.GetRequiredService<JobTrigger>());
}
