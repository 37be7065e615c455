using System.Globalization;
using System.Text.Json;
using MailRelay.Core.Common;

namespace MailRelay.Core.Inbound.Adapters;

/// <summary>
/// Reads an SQS message body fed by SES → SNS: the SNS envelope whose <c>Message</c> is the SES
/// notification as a JSON string, or the SES notification itself (SNS "raw message delivery").
/// A body that is not a usable "Received" notification is a failed result, never an exception.
/// </summary>
public static class SesNotificationParser
{
    public static Result<SesNotification> Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return Fail("The body is empty.");
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Fail("The body is not a JSON object.");
            if (root.TryGetProperty("notificationType", out _)) return ParseSes(root);
            if (root.TryGetProperty("Type", out var type) && type.ValueKind == JsonValueKind.String) return ParseSns(root, type.GetString()!);
            return Fail("The body is neither an SNS envelope nor an SES notification.");
        }
        catch (JsonException e)
        {
            // The exception's own message quotes the offending characters; the position is enough.
            return Fail($"The body is not valid JSON (line {e.LineNumber}, byte {e.BytePositionInLine}).");
        }
    }

    private static Result<SesNotification> ParseSns(JsonElement envelope, string type)
    {
        if (type != "Notification") return Fail($"The SNS message is a {Quote(type)}, not a Notification.");
        if (!envelope.TryGetProperty("Message", out var message) || message.ValueKind != JsonValueKind.String)
            return Fail("The SNS notification has no Message string.");
        try
        {
            using var inner = JsonDocument.Parse(message.GetString()!);
            if (inner.RootElement.ValueKind != JsonValueKind.Object) return Fail("The SNS Message is not a JSON object.");
            return ParseSes(inner.RootElement);
        }
        catch (JsonException e)
        {
            return Fail($"The SNS Message is not valid JSON (line {e.LineNumber}, byte {e.BytePositionInLine}).");
        }
    }

    private static Result<SesNotification> ParseSes(JsonElement ses)
    {
        var notificationType = String(ses, "notificationType");
        if (notificationType != "Received")
            return Fail(notificationType is null ? "The SES notification has no notificationType." : $"The SES notification type is {Quote(notificationType)}, not 'Received'.");
        if (!Object(ses, "mail", out var mail)) return Fail("The SES notification has no mail object.");
        if (!Object(ses, "receipt", out var receipt)) return Fail("The SES notification has no receipt object.");

        var messageId = String(mail, "messageId");
        if (string.IsNullOrWhiteSpace(messageId)) return Fail("The SES notification has no mail.messageId.");
        // SES ids are letters and digits; the id becomes a key in stores and blob names.
        if (messageId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '\\') || messageId.Contains("..", StringComparison.Ordinal))
            return Fail("The SES mail.messageId has characters SES never uses.");

        var recipients = receipt.TryGetProperty("recipients", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!.Trim()).Where(r => r.Length > 0).ToList()
            : [];
        if (recipients.Count == 0) return Fail("The SES notification has no receipt.recipients (envelope recipients).");

        var verdicts = new Verdicts(
            Status(receipt, "spamVerdict"), Status(receipt, "virusVerdict"), Status(receipt, "spfVerdict"),
            Status(receipt, "dkimVerdict"), Status(receipt, "dmarcVerdict"));
        var receivedAt = Timestamp(receipt) ?? Timestamp(mail);
        SesReceiptAction? action = Object(receipt, "action", out var a) && String(a, "type") is { } actionType
            ? new SesReceiptAction(actionType, String(a, "bucketName"), String(a, "objectKey"))
            : null;
        return Result<SesNotification>.Ok(new SesNotification(messageId, recipients, receivedAt, verdicts, action));
    }

    private static DateTimeOffset? Timestamp(JsonElement parent) =>
        String(parent, "timestamp") is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;

    private static string? Status(JsonElement receipt, string verdict) =>
        Object(receipt, verdict, out var element) ? String(element, "status") : null;

    private static bool Object(JsonElement parent, string name, out JsonElement value) =>
        parent.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object;

    private static string? String(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A value from the body, shortened so a hostile body cannot flood the log.</summary>
    private static string Quote(string value)
    {
        var shown = new string(value.Take(40).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return $"'{shown}{(value.Length > 40 ? "…" : "")}'";
    }

    /// <summary>Why the body was refused; safe to log (it quotes no body content beyond field names and the notification type).</summary>
    private static Failure Fail(string error) => Failure.Invalid(error);
}
