namespace MailRelay.Core.Storage;

public sealed class BlobNotFoundException(string key) : Exception($"No blob is stored under '{key}'.")
{
    public string Key { get; } = key;
}
