using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Contracts;

/// <summary>The secret contract through the real AWSSDK.KeyManagementService client against the fake KMS endpoint.</summary>
public sealed class KmsSecretProtectorContractTests : SecretProtectorContract
{
    private FakeKmsEndpoint _kms = null!;
    private AmazonKeyManagementServiceClient _client = null!;

    protected override async Task<ISecretProtector> CreateProtectorAsync()
    {
        _kms = await FakeKmsEndpoint.StartAsync();
        _client = _kms.CreateClient();
        return new KmsSecretProtector(_client, FakeKmsEndpoint.KeyId);
    }

    public override async Task DisposeAsync()
    {
        _client.Dispose();
        await _kms.DisposeAsync();
    }

    [Fact]
    public async Task Protect_SendsTheRecordIdAsEncryptionContextAndNeverThePlaintextOnDecrypt()
    {
        var protectedValue = await Secrets.ProtectAsync(Secret, "user-7", default);
        await Secrets.UnprotectAsync(protectedValue, "user-7", default);

        var calls = _kms.Requests;
        calls.Select(c => c.Target).ShouldBe(["TrentService.Encrypt", "TrentService.Decrypt"]);
        calls.ShouldAllBe(c => c.KeyId == FakeKmsEndpoint.KeyId && c.EncryptionContext[KmsSecretProtector.RecordContextKey] == "user-7");
        calls[1].RawBody.ShouldNotContain("refresh-token");
    }

    [Fact]
    public async Task Unprotect_CiphertextOfAnotherKey_IsRefused()
    {
        var other = new KmsSecretProtector(_client, FakeKmsEndpoint.OtherKeyId);
        var protectedValue = await other.ProtectAsync(Secret, "user-1", default);

        var error = await Should.ThrowAsync<CryptographicException>(() => Secrets.UnprotectAsync(protectedValue, "user-1", default));

        error.InnerException.ShouldBeOfType<IncorrectKeyException>();
        error.Message.ShouldContain("'user-1'");
    }

    [Fact]
    public async Task Protect_WithoutSigV4Credentials_IsRefusedByKms()
    {
        using var anonymous = _kms.CreateClient(new AnonymousAWSCredentials());

        await Should.ThrowAsync<AmazonKeyManagementServiceException>(() =>
            new KmsSecretProtector(anonymous, FakeKmsEndpoint.KeyId).ProtectAsync(Secret, "user-1", default));
    }
}
