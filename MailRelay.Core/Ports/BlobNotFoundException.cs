namespace MailRelay.Core.Ports;

public sealed class BlobNotFoundException(string key) : Exception($"No blob is stored under '{key}'.")
{
    public string Key { get; } = key;
}
