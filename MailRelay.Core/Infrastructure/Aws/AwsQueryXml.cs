using System.Xml;
using System.Xml.Linq;

namespace MailRelay.Core.Infrastructure.Aws;

/// <summary>
/// Reads the XML of AWS's query protocol: parsing and the <c>ErrorResponse</c> shape that every
/// query-protocol service shares (IAM here; SQS is reached through AWSSDK.SQS). Elements are matched
/// by local name, so a reply without the namespace reads the same.
/// </summary>
internal static class AwsQueryXml
{
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

    private static IEnumerable<XElement> Descendants(XElement root, string localName) =>
        root.DescendantsAndSelf().Where(e => e.Name.LocalName == localName);

    private static string? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;
}
