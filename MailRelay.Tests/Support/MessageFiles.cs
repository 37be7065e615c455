using System.Text;

namespace MailRelay.Tests.Support;

/// <summary>Small raw messages for tests, and dropping them into the inbox the way a user would.</summary>
public static class MessageFiles
{
    public static string Raw(string to, string subject, string body = "Hello.") =>
        $"From: Sender <sender@example.net>\r\nTo: {to}\r\nSubject: {subject}\r\nDate: Sat, 21 Nov 2026 10:00:00 +0000\r\nMessage-ID: <{Guid.NewGuid():N}@example.net>\r\n\r\n{body}\r\n";

    /// <summary>Writes to a temporary name, then renames into place, as a careful mail drop does.</summary>
    public static async Task<string> DropAsync(string dataDirectory, string name, byte[] content, IReadOnlyList<string>? recipients = null)
    {
        var inbox = Path.Combine(dataDirectory, "inbox");
        Directory.CreateDirectory(inbox);
        var path = Path.Combine(inbox, name);
        if (recipients is not null)
            await File.WriteAllTextAsync(path + ".json", System.Text.Json.JsonSerializer.Serialize(new { recipients }));
        await File.WriteAllBytesAsync(path + ".partial", content);
        File.Move(path + ".partial", path);
        // The drop folder leaves files alone for half a second after their last change.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(-1));
        return path;
    }

    public static Task<string> DropAsync(string dataDirectory, string name, string content, IReadOnlyList<string>? recipients = null) =>
        DropAsync(dataDirectory, name, Encoding.UTF8.GetBytes(content), recipients);
}
