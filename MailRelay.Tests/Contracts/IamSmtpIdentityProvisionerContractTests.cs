using MailRelay.Core.Smtp;
using MailRelay.Core.Smtp.Adapters;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Contracts;

/// <summary>
/// The SMTP identity contract through the IAM query client against the fake IAM endpoint, which
/// keeps users, inline policies and keys, enforces IAM's two keys per user, and checks every signature.
/// </summary>
public sealed class IamSmtpIdentityProvisionerContractTests : SmtpIdentityProvisionerContract
{
    private FakeIamEndpoint _iam = null!;

    protected override async Task<ISmtpIdentityProvisioner> CreateProvisionerAsync()
    {
        _iam = await FakeIamEndpoint.StartAsync();
        return new IamSmtpIdentityProvisioner(_iam.CreateClient());
    }

    protected override IReadOnlyCollection<string> KeysOf(string iamUserName) =>
        _iam.User(iamUserName)?.Keys.Select(k => k.AccessKeyId).ToList() ?? [];

    public override async Task DisposeAsync()
    {
        _iam.Requests.ShouldAllBe(r => r.SignatureProblem == null);
        await _iam.DisposeAsync();
    }

    [Fact]
    public void IssuesRealCredentials_IsTrue() => Provisioner.IssuesRealCredentials.ShouldBeTrue();
}
