using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using MailRelay.Core.Storage;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Contracts;

/// <summary>The blob contract against s3rver, each test under a key prefix of its own in the shared bucket.</summary>
public sealed class S3BlobStoreContractTests(S3rverProcess s3rver) : BlobStoreContract, IClassFixture<S3rverProcess>
{
    private readonly string _prefix = $"test-{Guid.NewGuid():N}/";
    private AmazonS3Client _client = null!;

    protected override Task<IBlobStore> CreateStoreAsync()
    {
        _client = s3rver.CreateClient();
        return Task.FromResult<IBlobStore>(new S3BlobStore(_client, S3rverProcess.BucketName, _prefix));
    }

    public override Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Put_StoresTheBytesUnderThePrefixedObjectKeyWithoutChunkFraming()
    {
        var bytes = Encoding.UTF8.GetBytes("Subject: framing\r\n\r\nexactly these bytes\r\n");

        await Blobs.PutAsync("inbound/abc", new MemoryStream(bytes), default);

        // Read with a plain S3 call, as SES's bucket would be read by anyone else.
        using var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = S3rverProcess.BucketName, Key = _prefix + "inbound/abc" });
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        copy.ToArray().ShouldBe(bytes);
        (response.Headers.ContentEncoding ?? "").ShouldNotContain("aws-chunked");
    }

    [Fact]
    public async Task OpenRead_ObjectWrittenBySes_IsReadByItsFullKey()
    {
        // SES's receipt rule writes the object; intake then reads it by the key from the notification.
        var ses = new S3BlobStore(_client, S3rverProcess.BucketName);
        var key = $"inbound/{Guid.NewGuid():N}";
        await _client.PutObjectAsync(new PutObjectRequest { BucketName = S3rverProcess.BucketName, Key = key, ContentBody = "From: ses\r\n\r\nraw" });

        await using var stream = await ses.OpenReadAsync(key, default);
        (await new StreamReader(stream).ReadToEndAsync()).ShouldBe("From: ses\r\n\r\nraw");
        (await ses.SizeAsync(key, default)).ShouldBe(16);
    }

    [Fact]
    public async Task ListKeys_MorePagesThanOne_ListsEveryKeyWithoutTheStorePrefix()
    {
        var paged = new S3BlobStore(_client, S3rverProcess.BucketName, _prefix, listPageSize: 2);
        var expected = Enumerable.Range(1, 5).Select(i => $"dataprotection/key-{i}.xml").ToList();
        foreach (var key in expected) await paged.PutAsync(key, new MemoryStream(Encoding.UTF8.GetBytes(key)), default);

        (await paged.ListKeysAsync("dataprotection/", default)).ShouldBe(expected);
    }
}
