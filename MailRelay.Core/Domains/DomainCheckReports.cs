using System.Text.Json;
using System.Text.Json.Serialization;

namespace MailRelay.Core.Domains;

/// <summary>How a <see cref="DomainCheckReport"/> is stored: JSON text with enums by name, the same in every store.</summary>
public static class DomainCheckReports
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string ToJson(DomainCheckReport report) => JsonSerializer.Serialize(report, Json);

    public static DomainCheckReport FromJson(string json) =>
        JsonSerializer.Deserialize<DomainCheckReport>(json, Json) ?? throw new JsonException("A stored DNS check report is empty.");
}
