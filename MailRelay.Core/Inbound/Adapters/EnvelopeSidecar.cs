using System.Text.Json;

namespace MailRelay.Core.Inbound.Adapters;

/// <summary>
/// The envelope of a dropped <c>name.eml</c>: <c>name.eml.json</c> holding <c>{"recipients": [...]}</c>.
/// A sidecar an admin released is kept as <c>name.eml.json.released</c> until the message is stored.
/// </summary>
internal static class EnvelopeSidecar
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public static string PathOf(string emlPath) => emlPath + ".json";

    public static string ReleasedPathOf(string emlPath) => emlPath + ".json.released";

    /// <summary>The recipients (null when there is no sidecar), or why the sidecar cannot be used.</summary>
    public static async Task<(IReadOnlyList<string>? Recipients, string? Problem)> ReadAsync(string emlPath, CancellationToken cancellationToken)
    {
        var path = PathOf(emlPath);
        if (!File.Exists(path)) return (null, null);
        var name = Path.GetFileName(path);
        await using var stream = File.OpenRead(path);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, default, cancellationToken);
        }
        catch (JsonException e)
        {
            return (null, $"The envelope sidecar {name} is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }
        using (document)
        {
            try
            {
                var envelope = document.Deserialize<Envelope>(JsonOptions);
                if (envelope?.Recipients is { } list && list.Any(r => r is null))
                    return (null, $"The envelope sidecar {name} is not usable: \"recipients\" must be a list of addresses, and one is null.");
                return (envelope?.Recipients ?? [], null);
            }
            catch (JsonException)
            {
                return (null, $"The envelope sidecar {name} is not usable: \"recipients\" must be a list of addresses, like {{\"recipients\": [\"alice@example.com\"]}}.");
            }
        }
    }

    private sealed record Envelope(List<string>? Recipients);
}
