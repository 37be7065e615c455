using System.Text;
using System.Text.Json;

namespace MailRelay.Core.Metrics.Adapters;

/// <summary>
/// One CloudWatch Embedded Metric Format document: the <c>_aws</c> metadata (timestamp, namespace,
/// one dimension set, metric names and units) and the dimension and metric values as top-level
/// members, as the EMF specification requires. An empty dimension set publishes without dimensions.
/// </summary>
public sealed class EmfDocument(DateTimeOffset timestamp, string @namespace, IReadOnlyList<KeyValuePair<string, string>> dimensions)
{
    private readonly List<(string Name, string Unit, double Value)> _metrics = [];

    public EmfDocument Add(string name, string unit, double value)
    {
        _metrics.Add((name, unit, value));
        return this;
    }

    public bool HasMetrics => _metrics.Count > 0;

    /// <summary>The document as one line of JSON, with nothing before or after it.</summary>
    public string ToJsonLine()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", timestamp.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", @namespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            foreach (var dimension in dimensions) json.WriteStringValue(dimension.Key);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            foreach (var metric in _metrics)
            {
                json.WriteStartObject();
                json.WriteString("Name", metric.Name);
                json.WriteString("Unit", metric.Unit);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            foreach (var dimension in dimensions) json.WriteString(dimension.Key, dimension.Value);
            foreach (var metric in _metrics) json.WriteNumber(metric.Name, metric.Value);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
