using System.Xml.Linq;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Unit;

/// <summary>The key-ring repository over a real folder blob store (the S3 path is in DataProtectionKeyRingTests).</summary>
public sealed class BlobStoreXmlRepositoryTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly FolderBlobStore _blobs;
    private readonly BlobStoreXmlRepository _repository;

    public BlobStoreXmlRepositoryTests()
    {
        _blobs = new FolderBlobStore(_folder.Path);
        _repository = new BlobStoreXmlRepository(_blobs);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task StoreElement_TwoKeys_OneBlobEachAndBothReadBack()
    {
        _repository.StoreElement(new XElement("key", new XAttribute("id", "1")), "key-1");
        _repository.StoreElement(new XElement("key", new XAttribute("id", "2")), "key-2");
        await _blobs.PutAsync("inbound/not-a-key", new MemoryStream([1, 2, 3]), default);

        (await _blobs.ListKeysAsync("", default)).ShouldBe(["dataprotection/key-1.xml", "dataprotection/key-2.xml", "inbound/not-a-key"]);
        _repository.GetAllElements().Select(e => e.Attribute("id")!.Value).ShouldBe(["1", "2"]);
    }

    [Fact]
    public void GetAllElements_EmptyStore_ReturnsNoKeys() => _repository.GetAllElements().ShouldBeEmpty();

    [Theory]
    [InlineData("key-8f1c", "dataprotection/key-8f1c.xml")]
    [InlineData("../../etc/passwd", "dataprotection/------etc-passwd.xml")]
    public void KeyOf_FriendlyName_StaysUnderThePrefix(string friendlyName, string expected) =>
        BlobStoreXmlRepository.KeyOf(friendlyName).ShouldBe(expected);

    [Fact]
    public void KeyOf_NoUsableName_GetsANewIdEachTime()
    {
        var first = BlobStoreXmlRepository.KeyOf(null);

        first.ShouldMatch("^dataprotection/[0-9a-f]{32}\\.xml$");
        BlobStoreXmlRepository.KeyOf("..").ShouldNotBe(first);
    }
}
