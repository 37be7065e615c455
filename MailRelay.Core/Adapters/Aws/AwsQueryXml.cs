using System.Xml;
using System.Xml.Linq;

namespace MailRelay.Core.Adapters.Aws;

/// <summary>
/// Reads the XML of AWS's query protocol (SQS, IAM): results and the shared <c>ErrorResponse</c> shape.
/// Elements are matched by local name, so a reply without the namespace reads the same.
/// </summary>
internal static class AwsQueryXml
{
    public const string Namespace = "http://queue.amazonaws.com/doc/2012-11-05/";

    /// <summary>Parses without DTDs or external entities.</summary>
    public static XDocument? TryParse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary><c>ReceiveMessageResponse/ReceiveMessageResult/Message*</c>.</summary>
    public static IReadOnlyList<SqsMessage> Messages(XDocument document) =>
        Descendants(document.Root!, "Message")
            .Select(m => new SqsMessage(
                Child(m, "MessageId") ?? throw Malformed("a Message without MessageId"),
                Child(m, "ReceiptHandle") ?? throw Malformed("a Message without ReceiptHandle"),
                Child(m, "Body") ?? "",
                Child(m, "MD5OfBody"),
                NameValues(m)))
            .ToList();

    /// <summary><c>GetQueueAttributesResponse/GetQueueAttributesResult/Attribute*</c>.</summary>
    public static IReadOnlyDictionary<string, string> Attributes(XDocument document) =>
        Descendants(document.Root!, "GetQueueAttributesResult").Select(NameValues).FirstOrDefault() ?? new Dictionary<string, string>();

    /// <summary><c>ErrorResponse/Error/{Type,Code,Message}</c> and <c>ErrorResponse/RequestId</c>, or null when the document is not one.</summary>
    public static (string? Type, string Code, string Message, string? RequestId)? Error(XDocument document)
    {
        var error = Descendants(document.Root!, "Error").FirstOrDefault();
        var code = error is null ? null : Child(error, "Code");
        if (error is null || string.IsNullOrEmpty(code)) return null;
        var requestId = Descendants(document.Root!, "RequestId").FirstOrDefault()?.Value;
        return (Child(error, "Type"), code, Child(error, "Message") ?? "", requestId);
    }

    public static string? RequestId(XDocument document) => Descendants(document.Root!, "RequestId").FirstOrDefault()?.Value;

    private static Dictionary<string, string> NameValues(XElement parent)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in parent.Elements().Where(e => e.Name.LocalName == "Attribute"))
        {
            if (Child(attribute, "Name") is { } name) values[name] = Child(attribute, "Value") ?? "";
        }
        return values;
    }

    private static IEnumerable<XElement> Descendants(XElement root, string localName) =>
        root.DescendantsAndSelf().Where(e => e.Name.LocalName == localName);

    private static string? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    private static SqsException Malformed(string what) => new("MalformedResponse", $"SQS answered with {what}.", System.Net.HttpStatusCode.OK, null, null);
}
