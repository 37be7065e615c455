using MailRelay.Core.Smtp;

namespace MailRelay.Tests.Contracts;

/// <summary>
/// What every <see cref="ISmtpIdentityProvisioner"/> adapter must do, as the provisioning state
/// machine relies on it: creating a user twice is harmless, keys look like IAM's, and every
/// delete counts what is already gone as deleted, so a retried step never fails on its own leftovers.
/// </summary>
public abstract class SmtpIdentityProvisionerContract : IAsyncLifetime
{
    private const string UserName = "mailrelay-contract-billing";
    private static readonly Dictionary<string, string> Tags = new() { ["mailrelay:smtp-user"] = "billing" };
    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ses:SendRawEmail","Resource":"*"}]}""";

    protected ISmtpIdentityProvisioner Provisioner { get; private set; } = null!;

    protected abstract Task<ISmtpIdentityProvisioner> CreateProvisionerAsync();

    /// <summary>The access key ids the adapter holds for the user now (none for a user that does not exist).</summary>
    protected abstract IReadOnlyCollection<string> KeysOf(string iamUserName);

    public async Task InitializeAsync() => Provisioner = await CreateProvisionerAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EnsureUser_Twice_CreatesItOnce()
    {
        (await Provisioner.EnsureUserAsync(UserName, Tags, default)).ShouldBeTrue();
        (await Provisioner.EnsureUserAsync(UserName, Tags, default)).ShouldBeFalse();
    }

    [Fact]
    public async Task CreateAccessKey_TwoKeys_AreDistinct_AndShapedLikeIams()
    {
        await Provisioner.EnsureUserAsync(UserName, Tags, default);
        await Provisioner.PutPolicyAsync(UserName, Policy, default);

        var first = await Provisioner.CreateAccessKeyAsync(UserName, default);
        var second = await Provisioner.CreateAccessKeyAsync(UserName, default);

        foreach (var key in new[] { first, second })
        {
            key.AccessKeyId.ShouldMatch("^AKIA[A-Z0-9]{16}$");
            key.SecretAccessKey.Length.ShouldBe(40);
            key.ToString().ShouldNotContain(key.SecretAccessKey);
        }
        second.AccessKeyId.ShouldNotBe(first.AccessKeyId);
        second.SecretAccessKey.ShouldNotBe(first.SecretAccessKey);
    }

    [Fact]
    public async Task DeleteOtherAccessKeys_KeepsTheNamedKey_SoANewKeyFitsIamsLimitOfTwo()
    {
        await Provisioner.EnsureUserAsync(UserName, Tags, default);
        var leftover = await Provisioner.CreateAccessKeyAsync(UserName, default);
        var current = await Provisioner.CreateAccessKeyAsync(UserName, default);

        await Provisioner.DeleteOtherAccessKeysAsync(UserName, current.AccessKeyId, default);
        var next = await Provisioner.CreateAccessKeyAsync(UserName, default);

        next.AccessKeyId.ShouldNotBeOneOf(leftover.AccessKeyId, current.AccessKeyId);
        KeysOf(UserName).ShouldBe([current.AccessKeyId, next.AccessKeyId], ignoreOrder: true);
        await Provisioner.SetAccessKeyActiveAsync(UserName, current.AccessKeyId, false, default);
        await Provisioner.SetAccessKeyActiveAsync(UserName, current.AccessKeyId, true, default);
    }

    [Fact]
    public async Task Deletes_OfWhatIsAlreadyGone_CountAsDone()
    {
        await Provisioner.EnsureUserAsync(UserName, Tags, default);
        var key = await Provisioner.CreateAccessKeyAsync(UserName, default);
        await Provisioner.DeleteAccessKeyAsync(UserName, key.AccessKeyId, default);
        KeysOf(UserName).ShouldBeEmpty();

        await Provisioner.DeleteAccessKeyAsync(UserName, key.AccessKeyId, default);
        await Provisioner.DeleteOtherAccessKeysAsync("mailrelay-contract-nobody", null, default);
        await Provisioner.DeleteEverythingAsync("mailrelay-contract-nobody", default);
    }

    [Fact]
    public async Task DeleteEverything_RemovesTheUser_SoItCanBeMadeAgain()
    {
        await Provisioner.EnsureUserAsync(UserName, Tags, default);
        await Provisioner.PutPolicyAsync(UserName, Policy, default);
        await Provisioner.CreateAccessKeyAsync(UserName, default);
        await Provisioner.CreateAccessKeyAsync(UserName, default);

        await Provisioner.DeleteEverythingAsync(UserName, default);
        KeysOf(UserName).ShouldBeEmpty();

        (await Provisioner.EnsureUserAsync(UserName, Tags, default)).ShouldBeTrue();
        await Provisioner.CreateAccessKeyAsync(UserName, default);
        await Provisioner.CreateAccessKeyAsync(UserName, default);
    }
}
