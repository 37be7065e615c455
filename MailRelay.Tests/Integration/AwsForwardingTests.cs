using System.Security.Cryptography;
using System.Text;
using Amazon.S3.Model;
using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound.Adapters;
using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Fakes;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Integration;

/// <summary>
/// The forwarding flow on the AWS adapters, in the real engine with its own Quartz jobs: SES has put
/// the raw message in S3 (s3rver) and its notification on SQS (the fake queue); intake reads it
/// through <see cref="SqsInboundSource"/> and <see cref="S3BlobStore"/>, the Gmail refresh token is
/// stored and opened through <see cref="KmsSecretProtector"/> (the fake KMS), and the message lands
/// byte-exact in the fake Gmail. The store is the one line in <see cref="AwsSettings"/> to switch.
/// </summary>
public sealed class AwsForwardingTests : IAsyncLifetime
{
    private const string Recipient = "recipient@mail.example.com";
    private readonly TempDirectory _data = new();
    private readonly S3rverProcess _s3 = new() { ExtraAccessKeyId = FakeSqsEndpoint.Credentials.AccessKey };
    private FakeGoogle _google = null!;
    private FakeSqsEndpoint _sqs = null!;
    private FakeSqsQueue _queue = null!;
    private FakeKmsEndpoint _kms = null!;
    private RelayHost _host = null!;

    public async Task InitializeAsync()
    {
        await _s3.InitializeAsync();
        _google = await FakeGoogle.StartAsync();
        _sqs = await FakeSqsEndpoint.StartAsync();
        _queue = _sqs.Queue;
        _kms = await FakeKmsEndpoint.StartAsync();
        // One set of credentials for every AWS client, as an instance role gives; each fake accepts it.
        var credentials = new Amazon.Runtime.SessionAWSCredentials(
            FakeSqsEndpoint.Credentials.AccessKey, FakeSqsEndpoint.Credentials.SecretKey, FakeSqsEndpoint.Credentials.Token);
        _host = await RelayHost.StartAsync(_data.Path, AwsSettings(), services => services.AddSingleton<Amazon.Runtime.AWSCredentials>(credentials));
    }

    /// <summary>The AWS profile's providers pointed at the emulators and fakes.</summary>
    private Dictionary<string, string?> AwsSettings()
    {
        var settings = _google.CreateSettings();
        // The store stays on SQLite until the DynamoDB adapter is here; then: "DynamoDb" (+ Store:TableName/Region/ServiceUrl for dynalite).
        settings["Store:Provider"] = "Sqlite";
        settings["MailboxDelivery:Provider"] = "Gmail";
        settings["Blobs:Provider"] = "S3";
        settings["Blobs:BucketName"] = S3rverProcess.BucketName;
        settings["Blobs:Region"] = S3rverProcess.Region;
        settings["Blobs:ServiceUrl"] = _s3.Url.ToString();
        settings["Inbound:Provider"] = "Sqs";
        settings["Inbound:Sqs:QueueUrl"] = FakeSqsEndpoint.QueueUrl;
        settings["Inbound:Sqs:Region"] = FakeSqsEndpoint.Region;
        settings["Inbound:Sqs:ServiceUrl"] = _sqs.Url.ToString();
        settings["Inbound:Sqs:WaitTimeSeconds"] = "0";
        settings["Secrets:Provider"] = "Kms";
        settings["Secrets:KeyId"] = FakeKmsEndpoint.KeyId;
        settings["Secrets:Region"] = FakeKmsEndpoint.Region;
        settings["Secrets:ServiceUrl"] = _kms.Url.ToString();
        return settings;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _kms.DisposeAsync();
        await _sqs.DisposeAsync();
        await _google.DisposeAsync();
        await _s3.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task SesNotification_MessageInS3_IsImportedIntoGmailByteExact_AcknowledgedAndItsBlobDeleted()
    {
        var alice = _google.AddUser("alice@gmail.example");
        await _host.RouteAsync(Recipient, "alice");
        await _host.Services.GetRequiredService<GmailConnections>().ConnectAsync("alice", alice.Email, alice.RefreshToken, "gmail.insert", null, default);
        // Above 5 MB: read from S3 as a stream and sent to Gmail as a resumable upload.
        var raw = Encoding.UTF8.GetBytes(MessageFiles.Raw(Recipient, "Via SES on AWS", body: Convert.ToBase64String(RandomNumberGenerator.GetBytes(4_500_000))));
        var sesMessageId = Guid.NewGuid().ToString("N");
        var objectKey = $"inbound/{sesMessageId}";

        using (var s3 = _s3.CreateClient())
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = S3rverProcess.BucketName, Key = objectKey, InputStream = new MemoryStream(raw) });
        _queue.Send(SesNotifications.SqsBody(sesMessageId, [Recipient], objectKey, S3rverProcess.BucketName));

        await RelayHost.EventuallyAsync(() => Task.FromResult(_google.Mailbox(alice).Count == 1), "alice has the message in Gmail", TimeSpan.FromSeconds(30));
        // Hashes: Shouldly compares 6 MB arrays element by element, which takes seconds.
        SHA256.HashData(_google.Mailbox(alice).ShouldHaveSingleItem().Raw).ShouldBe(SHA256.HashData(raw));
        await RelayHost.EventuallyAsync(() => Task.FromResult(_queue.Count == 0), "the SQS notification is deleted");
        var blobs = _host.Services.GetRequiredService<IBlobStore>();
        blobs.ShouldBeOfType<S3BlobStore>();
        await RelayHost.EventuallyAsync(async () => !await blobs.ExistsAsync(objectKey, default), "the raw message is deleted from S3 once delivered");

        var stored = (await _host.Store.Messages.FindMessageAsync(sesMessageId, default)).ShouldNotBeNull();
        stored.BlobKey.ShouldBe(objectKey);
        var connection = (await _host.Store.Gmail.FindGmailConnectionAsync("alice", default)).ShouldNotBeNull();
        connection.ProtectedRefreshToken.ShouldNotContain(alice.RefreshToken);
        _kms.Requests.ShouldContain(r => r.Target == "TrentService.Decrypt" && r.EncryptionContext[KmsSecretProtector.RecordContextKey] == "alice");
    }
}
