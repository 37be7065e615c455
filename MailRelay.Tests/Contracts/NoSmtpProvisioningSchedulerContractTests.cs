using MailRelay.Core.Smtp;
using MailRelay.Core.Smtp.Adapters;

namespace MailRelay.Tests.Contracts;

/// <summary>
/// The provisioning-scheduler contract for the adapter used without a job host: it fires nothing,
/// even with a scheduler holding the provisioning job right there; the next sweep does the work.
/// </summary>
public sealed class NoSmtpProvisioningSchedulerContractTests : SmtpProvisioningSchedulerContract
{
    protected override bool RunsAtOnce => false;

    protected override ISmtpProvisioningScheduler CreateScheduler(IServiceProvider services) => new NoSmtpProvisioningScheduler();
}
