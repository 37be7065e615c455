using System.Globalization;
using System.Text.Json;

namespace MailRelay.Core.Outbound.Adapters;

/// <summary>
/// Reads an SES configuration-set event (or an identity feedback notification, which says
/// <c>notificationType</c> instead of <c>eventType</c>), inside an SNS envelope or raw. Send, Delivery,
/// Bounce and Complaint are counted; other event types (Open, Click, Reject, DeliveryDelay, …) are skipped.
/// </summary>
public static class SesEventParser
{
    public static SesEventParseResult Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return SesEventParseResult.Failure("The body is empty.");
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return SesEventParseResult.Failure("The body is not a JSON object.");
            if (Text(root, "Type") is { } snsType)
            {
                if (snsType != "Notification") return SesEventParseResult.Skip($"an SNS {snsType}, not a Notification");
                if (Text(root, "Message") is not { } message) return SesEventParseResult.Failure("The SNS notification has no Message string.");
                return Parse(message);
            }
            return ParseEvent(root);
        }
        catch (JsonException e)
        {
            return SesEventParseResult.Failure($"The body is not valid JSON (line {e.LineNumber}, byte {e.BytePositionInLine}).");
        }
    }

    private static SesEventParseResult ParseEvent(JsonElement root)
    {
        var typeName = Text(root, "eventType") ?? Text(root, "notificationType");
        if (typeName is null) return SesEventParseResult.Failure("The body has neither an eventType nor a notificationType.");
        if (!Enum.TryParse<OutboundEventType>(typeName, ignoreCase: false, out var type) || !Enum.IsDefined(type))
            return SesEventParseResult.Skip($"a {typeName} event, which is not counted");
        if (!root.TryGetProperty("mail", out var mail) || mail.ValueKind != JsonValueKind.Object)
            return SesEventParseResult.Failure($"The {typeName} event has no mail object.");
        if (Text(mail, "messageId") is not { Length: > 0 } messageId)
            return SesEventParseResult.Failure($"The {typeName} event has no mail.messageId.");

        var detailObject = root.TryGetProperty(typeName.ToLowerInvariant(), out var d) && d.ValueKind == JsonValueKind.Object ? d : (JsonElement?)null;
        var at = Time(detailObject, "timestamp") ?? Time(mail, "timestamp");
        if (at is null) return SesEventParseResult.Failure($"The {typeName} event has no usable timestamp.");

        var (detail, recipients) = type switch
        {
            OutboundEventType.Bounce => (Join(Text(detailObject, "bounceType"), Text(detailObject, "bounceSubType")), Count(detailObject, "bouncedRecipients")),
            OutboundEventType.Complaint => (Text(detailObject, "complaintFeedbackType"), Count(detailObject, "complainedRecipients")),
            OutboundEventType.Delivery => (null, Count(detailObject, "recipients")),
            _ => (null, Count(mail, "destination")),
        };
        return SesEventParseResult.Success(new OutboundEvent(messageId, type, at.Value, CallerIdentity(mail), SourceAddress(Text(mail, "source")), detail, recipients));
    }

    private static string? CallerIdentity(JsonElement mail) =>
        mail.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Object
        && tags.TryGetProperty("ses:caller-identity", out var caller) && caller.ValueKind == JsonValueKind.Array
        && caller.GetArrayLength() > 0 && caller[0].ValueKind == JsonValueKind.String
            ? caller[0].GetString()
            : null;

    /// <summary><c>"Name &lt;a@b&gt;"</c> or <c>"a@b"</c> → the lower-cased address.</summary>
    public static string? SourceAddress(string? source)
    {
        if (string.IsNullOrWhiteSpace(source)) return null;
        var open = source.LastIndexOf('<');
        var close = source.LastIndexOf('>');
        var address = open >= 0 && close > open ? source[(open + 1)..close] : source;
        return address.Trim().ToLowerInvariant();
    }

    private static string? Text(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static DateTimeOffset? Time(JsonElement? element, string name) =>
        DateTimeOffset.TryParse(Text(element, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    private static int Count(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.GetArrayLength()
            : 0;

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : $"{a}/{b}";
}
