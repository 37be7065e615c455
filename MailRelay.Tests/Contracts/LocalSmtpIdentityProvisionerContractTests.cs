using MailRelay.Core.Smtp;
using MailRelay.Core.Smtp.Adapters;

namespace MailRelay.Tests.Contracts;

/// <summary>The SMTP identity contract for the local adapter (random keys that do not work against SES).</summary>
public sealed class LocalSmtpIdentityProvisionerContractTests : SmtpIdentityProvisionerContract
{
    private readonly LocalSmtpIdentityProvisioner _local = new();

    protected override Task<ISmtpIdentityProvisioner> CreateProvisionerAsync() => Task.FromResult<ISmtpIdentityProvisioner>(_local);

    protected override IReadOnlyCollection<string> KeysOf(string iamUserName) => _local.KeysOf(iamUserName);

    [Fact]
    public void IssuesRealCredentials_IsFalse_SoThePageSaysTheKeysDoNotWorkAgainstSes() =>
        Provisioner.IssuesRealCredentials.ShouldBeFalse();
}
