using System.Text;
using System.Xml.Linq;
using Amazon.S3.Model;
using MailRelay.Core;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MailRelay.Tests.Integration;

/// <summary>
/// The Data Protection key ring (sign-in cookies, antiforgery tokens, OAuth state) as two app
/// instances see it, each built by <see cref="CoreRegistration.AddMailRelayCore"/> with its own
/// App_Data: with <c>Secrets:KeyRing=BlobStore</c> they share the keys through one s3rver bucket,
/// encrypted by the fake KMS; with the default folder key ring nothing changes.
/// </summary>
public sealed class DataProtectionKeyRingTests : IAsyncLifetime
{
    private const string Purpose = "MailRelay.Tests.SignInCookie";
    private readonly S3rverProcess _s3 = new() { ExtraAccessKeyId = FakeKmsEndpoint.Credentials.GetCredentials().AccessKey };
    private readonly string _keyPrefix = $"test-{Guid.NewGuid():N}/";
    private readonly List<IHost> _hosts = [];
    private readonly List<TempDirectory> _folders = [];
    private FakeKmsEndpoint _kms = null!;

    public async Task InitializeAsync()
    {
        await _s3.InitializeAsync();
        _kms = await FakeKmsEndpoint.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) host.Dispose();
        foreach (var folder in _folders) folder.Dispose();
        await _kms.DisposeAsync();
        await _s3.DisposeAsync();
    }

    [Fact]
    public void Unprotect_PayloadProtectedByAnotherInstance_OpensWithTheSharedKeyRing()
    {
        var (first, _) = Instance(BlobStoreKeyRing());
        var (second, _) = Instance(BlobStoreKeyRing());

        var payload = Protector(first).Protect("session of alice@example.com");

        Protector(second).Unprotect(payload).ShouldBe("session of alice@example.com");
        // And back: a redeployed instance protects with the same ring the old one reads.
        Protector(first).Unprotect(Protector(second).Protect("antiforgery")).ShouldBe("antiforgery");
    }

    [Fact]
    public async Task Protect_FirstUse_StoresOneKmsEncryptedBlobPerKeyAndNothingInTheLocalFolder()
    {
        var (instance, data) = Instance(BlobStoreKeyRing());

        Protector(instance).Protect("x");

        using var s3 = _s3.CreateClient();
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = S3rverProcess.BucketName, Prefix = _keyPrefix });
        var objectKey = listed.S3Objects.ShouldHaveSingleItem().Key;
        objectKey.ShouldStartWith(_keyPrefix + BlobStoreXmlRepository.Prefix + "key-");
        var xml = XElement.Parse(await ReadAsync(s3, objectKey));
        xml.Name.LocalName.ShouldBe("key");
        // The master key only appears as KMS ciphertext: no <masterKey> and no <value> in the clear.
        xml.Descendants("masterKey").ShouldBeEmpty();
        xml.Descendants("encryptedSecret").ShouldHaveSingleItem();
        _kms.Requests.ShouldContain(r => r.Target == "TrentService.Encrypt"
            && r.EncryptionContext.Values.Contains(SecretProtectorXmlEncryptor.Context));
        Directory.Exists(Path.Combine(data, "keys")).ShouldBeFalse();
    }

    [Fact]
    public void Unprotect_KeyRingEncryptedUnderAnotherKmsKey_IsRefused()
    {
        var (owner, _) = Instance(BlobStoreKeyRing());
        var payload = Protector(owner).Protect("session");
        var settings = BlobStoreKeyRing();
        settings["Secrets:KeyId"] = FakeKmsEndpoint.OtherKeyId;
        var (stranger, _) = Instance(settings);

        // Reading the bucket is not enough: without the KMS key the ring's keys do not open.
        Should.Throw<System.Security.Cryptography.CryptographicException>(() => Protector(stranger).Unprotect(payload));
    }

    [Fact]
    public void Protect_DefaultFolderKeyRing_KeepsKeysInAppDataAndOutOfTheBucket()
    {
        var (first, data) = Instance([]);
        var payload = Protector(first).Protect("local");

        Directory.GetFiles(Path.Combine(data, "keys"), "key-*.xml").ShouldHaveSingleItem();
        Directory.Exists(Path.Combine(data, "blobs", "dataprotection")).ShouldBeFalse();
        // Another instance reads the same folder (one machine) but not another machine's folder.
        var (sameMachine, _) = Instance(new() { ["LocalData:Directory"] = data });
        Protector(sameMachine).Unprotect(payload).ShouldBe("local");
        var (otherMachine, _) = Instance([]);
        Should.Throw<System.Security.Cryptography.CryptographicException>(() => Protector(otherMachine).Unprotect(payload));
    }

    private Dictionary<string, string?> BlobStoreKeyRing() => new()
    {
        ["Blobs:Provider"] = "S3",
        ["Blobs:BucketName"] = S3rverProcess.BucketName,
        ["Blobs:Region"] = S3rverProcess.Region,
        ["Blobs:ServiceUrl"] = _s3.Url.ToString(),
        ["Blobs:KeyPrefix"] = _keyPrefix,
        ["Secrets:Provider"] = "Kms",
        ["Secrets:KeyId"] = FakeKmsEndpoint.KeyId,
        ["Secrets:Region"] = FakeKmsEndpoint.Region,
        ["Secrets:ServiceUrl"] = _kms.Url.ToString(),
        ["Secrets:KeyRing"] = "BlobStore",
    };

    /// <summary>One app instance: the engine's registrations over its own App_Data (unless the settings name one).</summary>
    private (IHost Host, string DataPath) Instance(Dictionary<string, string?> settings)
    {
        var folder = new TempDirectory();
        _folders.Add(folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["LocalData:Directory"] = folder.Path }).AddInMemoryCollection(settings);
        // One set of credentials for S3 and KMS, as an instance role gives; both fakes accept it.
        builder.Services.AddSingleton<Amazon.Runtime.AWSCredentials>(FakeKmsEndpoint.Credentials);
        builder.AddMailRelayCore();
        var host = builder.Build();
        _hosts.Add(host);
        return (host, builder.Configuration["LocalData:Directory"]!);
    }

    private static IDataProtector Protector(IHost host) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static async Task<string> ReadAsync(Amazon.S3.IAmazonS3 s3, string key)
    {
        using var response = await s3.GetObjectAsync(S3rverProcess.BucketName, key);
        using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
