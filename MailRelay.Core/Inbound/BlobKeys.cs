
namespace MailRelay.Core.Inbound;

/// <summary>Where intake keeps a message's raw bytes in the blob store.</summary>
public static class BlobKeys
{
    public static string ForMessage(string messageId) =>
        "inbound/" + new string(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()) + ".eml";
}
