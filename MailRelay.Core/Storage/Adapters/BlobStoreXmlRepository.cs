using System.Collections.ObjectModel;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace MailRelay.Core.Storage.Adapters;

/// <summary>
/// The Data Protection key ring in the blob store (S3 on AWS), one blob per key under
/// <see cref="Prefix"/>, so every instance and every redeploy sees the same keys: sign-in cookies,
/// antiforgery tokens and OAuth state made by one instance open on another.
/// </summary>
/// <remarks>
/// Data Protection calls the repository synchronously (rarely: at start, when a key is created, and
/// when the cached ring expires); the blob calls run on the thread pool so a Blazor circuit's
/// synchronization context can never deadlock them.
/// </remarks>
public sealed partial class BlobStoreXmlRepository(Func<IBlobStore> blobStore) : IXmlRepository
{
    public BlobStoreXmlRepository(IBlobStore blobs) : this(() => blobs)
    {
    }

    /// <summary>Where the key blobs live; the instance role must be allowed to read, write and list it.</summary>
    public const string Prefix = "dataprotection/";

    public IReadOnlyCollection<XElement> GetAllElements() =>
        Task.Run(() => GetAllElementsAsync(CancellationToken.None)).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) =>
        Task.Run(() => StoreElementAsync(element, friendlyName, CancellationToken.None)).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> GetAllElementsAsync(CancellationToken cancellationToken)
    {
        var elements = new List<XElement>();
        foreach (var key in await blobStore().ListKeysAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            await using var stream = await blobStore().OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
            elements.Add(await XElement.LoadAsync(stream, LoadOptions.None, cancellationToken).ConfigureAwait(false));
        }
        return new ReadOnlyCollection<XElement>(elements);
    }

    private async Task StoreElementAsync(XElement element, string friendlyName, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting));
        await blobStore().PutAsync(KeyOf(friendlyName), new MemoryStream(bytes), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Data Protection names a key <c>key-{guid}</c>; anything else is made safe, or replaced by a new id.</summary>
    public static string KeyOf(string? friendlyName)
    {
        var safe = string.IsNullOrWhiteSpace(friendlyName) ? "" : UnsafeCharacters().Replace(friendlyName, "-");
        return $"{Prefix}{(safe.Trim('-', '.').Length == 0 ? Guid.NewGuid().ToString("N") : safe)}.xml";
    }

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex UnsafeCharacters();
}
