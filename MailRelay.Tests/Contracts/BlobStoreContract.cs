using System.Security.Cryptography;
using System.Text;
using MailRelay.Core.Storage;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Contracts;

/// <summary>What every <see cref="IBlobStore"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract class BlobStoreContract : IAsyncLifetime
{
    protected IBlobStore Blobs { get; private set; } = null!;

    /// <summary>A store that starts empty for this test (its own folder, bucket prefix, …).</summary>
    protected abstract Task<IBlobStore> CreateStoreAsync();

    public async Task InitializeAsync() => Blobs = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    private async Task<byte[]> ReadAllAsync(string key)
    {
        await using var stream = await Blobs.OpenReadAsync(key, default);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Put_ThenOpenRead_ReturnsTheSameBytesAndSize()
    {
        var bytes = Text("Subject: hello\r\n\r\nbody\r\n");

        var size = await Blobs.PutAsync("inbound/abc", new MemoryStream(bytes), default);

        size.ShouldBe(bytes.Length);
        (await ReadAllAsync("inbound/abc")).ShouldBe(bytes);
        (await Blobs.SizeAsync("inbound/abc", default)).ShouldBe(bytes.Length);
        (await Blobs.ExistsAsync("inbound/abc", default)).ShouldBeTrue();
    }

    [Fact]
    public async Task Put_MultiMegabyteNonSeekableStream_RoundTripsByteExact()
    {
        // Larger than S3's 5 MB part size and not a multiple of any buffer size.
        var bytes = RandomNumberGenerator.GetBytes(6 * 1024 * 1024 + 12_345);
        var source = new CountingStream(bytes, maxBytesPerRead: 64 * 1024);

        var size = await Blobs.PutAsync("inbound/large.eml", source, default);

        size.ShouldBe(bytes.Length);
        source.BytesRead.ShouldBe(bytes.Length);
        (await Blobs.SizeAsync("inbound/large.eml", default)).ShouldBe(bytes.Length);
        SHA256.HashData(await ReadAllAsync("inbound/large.eml")).ShouldBe(SHA256.HashData(bytes));
    }

    [Fact]
    public async Task Put_ExistingKey_ReplacesTheBlob()
    {
        await Blobs.PutAsync("inbound/same", new MemoryStream(Text("first, and longer than the second")), default);

        var size = await Blobs.PutAsync("inbound/same", new MemoryStream(Text("second")), default);

        size.ShouldBe(6);
        Encoding.UTF8.GetString(await ReadAllAsync("inbound/same")).ShouldBe("second");
        (await Blobs.SizeAsync("inbound/same", default)).ShouldBe(6);
    }

    [Fact]
    public async Task Put_KeysWithSlashes_AreIndependentBlobs()
    {
        await Blobs.PutAsync("inbound/a/one", new MemoryStream(Text("one")), default);
        await Blobs.PutAsync("inbound/a/two", new MemoryStream(Text("two")), default);
        await Blobs.PutAsync("inbound/b/deeper/three", new MemoryStream(Text("three")), default);

        await Blobs.DeleteAsync("inbound/a/one", default);

        (await Blobs.ExistsAsync("inbound/a/one", default)).ShouldBeFalse();
        Encoding.UTF8.GetString(await ReadAllAsync("inbound/a/two")).ShouldBe("two");
        Encoding.UTF8.GetString(await ReadAllAsync("inbound/b/deeper/three")).ShouldBe("three");
    }

    [Fact]
    public async Task OpenRead_MissingKey_ThrowsBlobNotFoundNamingTheKey()
    {
        var error = await Should.ThrowAsync<BlobNotFoundException>(() => Blobs.OpenReadAsync("inbound/missing", default));

        error.Key.ShouldBe("inbound/missing");
    }

    [Fact]
    public async Task Size_MissingKey_ThrowsBlobNotFound()
    {
        await Should.ThrowAsync<BlobNotFoundException>(() => Blobs.SizeAsync("inbound/missing", default));
        (await Blobs.ExistsAsync("inbound/missing", default)).ShouldBeFalse();
    }

    [Fact]
    public async Task Delete_TwiceAndMissing_IsNotAnErrorAndTheBlobIsGone()
    {
        await Blobs.PutAsync("inbound/gone", new MemoryStream(Text("x")), default);

        await Blobs.DeleteAsync("inbound/gone", default);
        await Blobs.DeleteAsync("inbound/gone", default);
        await Blobs.DeleteAsync("inbound/never-there", default);

        (await Blobs.ExistsAsync("inbound/gone", default)).ShouldBeFalse();
        await Should.ThrowAsync<BlobNotFoundException>(() => Blobs.OpenReadAsync("inbound/gone", default));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("inbound/../../outside")]
    [InlineData("")]
    public async Task Put_KeyThatLeavesTheStore_IsRefusedAndNothingIsWritten(string key)
    {
        await Should.ThrowAsync<ArgumentException>(() => Blobs.PutAsync(key, new MemoryStream(Text("x")), default));
    }

    [Fact]
    public async Task ListKeys_Prefix_ReturnsOnlyTheBlobsUnderItInOrdinalOrder()
    {
        foreach (var key in new[] { "dataprotection/key-b.xml", "dataprotection/key-a.xml", "dataprotection/nested/key-c.xml", "inbound/key-a.xml", "dataprotectionX/other" })
            await Blobs.PutAsync(key, new MemoryStream(Text("x")), default);

        var keys = await Blobs.ListKeysAsync("dataprotection/", default);

        keys.ShouldBe(["dataprotection/key-a.xml", "dataprotection/key-b.xml", "dataprotection/nested/key-c.xml"]);
    }

    [Fact]
    public async Task ListKeys_NothingUnderPrefix_ReturnsEmpty()
    {
        await Blobs.PutAsync("inbound/one", new MemoryStream(Text("x")), default);

        (await Blobs.ListKeysAsync("dataprotection/", default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListKeys_AfterDeleteAndReplace_ListsEachLiveBlobOnce()
    {
        await Blobs.PutAsync("dataprotection/gone.xml", new MemoryStream(Text("x")), default);
        await Blobs.PutAsync("dataprotection/kept.xml", new MemoryStream(Text("first")), default);
        await Blobs.PutAsync("dataprotection/kept.xml", new MemoryStream(Text("second")), default);

        await Blobs.DeleteAsync("dataprotection/gone.xml", default);

        (await Blobs.ListKeysAsync("dataprotection/", default)).ShouldBe(["dataprotection/kept.xml"]);
    }

    [Fact]
    public async Task ListKeys_KeysListed_OpenWithTheirOwnBytes()
    {
        await Blobs.PutAsync("dataprotection/key-1.xml", new MemoryStream(Text("<key id=\"1\"/>")), default);
        await Blobs.PutAsync("dataprotection/key-2.xml", new MemoryStream(Text("<key id=\"2\"/>")), default);

        var contents = new List<string>();
        foreach (var key in await Blobs.ListKeysAsync("dataprotection/", default))
            contents.Add(Encoding.UTF8.GetString(await ReadAllAsync(key)));

        contents.ShouldBe(["<key id=\"1\"/>", "<key id=\"2\"/>"]);
    }

    [Theory]
    [InlineData("../")]
    [InlineData("dataprotection/../../")]
    public async Task ListKeys_PrefixThatLeavesTheStore_IsRefused(string prefix)
    {
        await Should.ThrowAsync<ArgumentException>(() => Blobs.ListKeysAsync(prefix, default));
    }
}
