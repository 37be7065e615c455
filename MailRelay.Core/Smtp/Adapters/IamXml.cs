using System.Globalization;
using System.Net;
using System.Xml.Linq;
using MailRelay.Core.Infrastructure.Aws;

namespace MailRelay.Core.Smtp.Adapters;

/// <summary>
/// Reads the IAM query protocol's XML (namespace <c>https://iam.amazonaws.com/doc/2010-05-08/</c>).
/// Parsing and <c>ErrorResponse</c> are the AWS query protocol's own, so those come from
/// <see cref="AwsQueryXml"/>; elements are matched by local name.
/// </summary>
internal static class IamXml
{
    public const string Namespace = "https://iam.amazonaws.com/doc/2010-05-08/";

    /// <summary><c>CreateUserResponse/CreateUserResult/User</c>.</summary>
    public static IamUser User(XDocument document)
    {
        var user = Single(document, "User");
        return new IamUser(Required(user, "UserName"), Required(user, "UserId"), Required(user, "Arn"), Child(user, "Path") ?? "/", Date(user));
    }

    /// <summary><c>CreateAccessKeyResponse/CreateAccessKeyResult/AccessKey</c>.</summary>
    public static IamNewAccessKey NewAccessKey(XDocument document)
    {
        var key = Single(document, "AccessKey");
        return new IamNewAccessKey(Required(key, "UserName"), Required(key, "AccessKeyId"), Required(key, "SecretAccessKey"), Status(key), Date(key));
    }

    /// <summary><c>ListAccessKeysResult/AccessKeyMetadata/member*</c>.</summary>
    public static IReadOnlyList<IamAccessKeyMetadata> AccessKeys(XDocument document) =>
        Members(document, "AccessKeyMetadata")
            .Select(m => new IamAccessKeyMetadata(Required(m, "UserName"), Required(m, "AccessKeyId"), Status(m), Date(m)))
            .ToList();

    /// <summary><c>ListUserPoliciesResult/PolicyNames/member*</c>.</summary>
    public static IReadOnlyList<string> PolicyNames(XDocument document) =>
        Members(document, "PolicyNames").Select(m => m.Value).ToList();

    /// <summary>The <c>Marker</c> for the next page, or null when <c>IsTruncated</c> is not true.</summary>
    public static string? NextMarker(XDocument document)
    {
        var truncated = Descendants(document.Root!, "IsTruncated").FirstOrDefault()?.Value;
        if (!string.Equals(truncated, "true", StringComparison.OrdinalIgnoreCase)) return null;
        var marker = Descendants(document.Root!, "Marker").FirstOrDefault()?.Value;
        return !string.IsNullOrEmpty(marker) ? marker : throw Malformed("IsTruncated without a Marker");
    }

    private static IEnumerable<XElement> Members(XDocument document, string list) =>
        Descendants(document.Root!, list).Take(1).SelectMany(l => l.Elements().Where(e => e.Name.LocalName == "member"));

    private static XElement Single(XDocument document, string localName) =>
        Descendants(document.Root!, localName).FirstOrDefault() ?? throw Malformed($"no {localName}");

    private static IamAccessKeyStatus Status(XElement parent) =>
        Enum.TryParse<IamAccessKeyStatus>(Child(parent, "Status"), ignoreCase: false, out var status) ? status : throw Malformed("an access key without a known Status");

    private static DateTimeOffset? Date(XElement parent) =>
        DateTimeOffset.TryParse(Child(parent, "CreateDate"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static string Required(XElement parent, string localName) =>
        Child(parent, localName) is { Length: > 0 } value ? value : throw Malformed($"a {parent.Name.LocalName} without {localName}");

    private static IEnumerable<XElement> Descendants(XElement root, string localName) =>
        root.DescendantsAndSelf().Where(e => e.Name.LocalName == localName);

    private static string? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    private static IamException Malformed(string what) => new("MalformedResponse", $"IAM answered with {what}.", HttpStatusCode.OK, null, null);
}
