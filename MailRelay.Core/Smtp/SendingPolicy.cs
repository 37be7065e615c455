using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MailRelay.Core.Smtp;

/// <summary>
/// The IAM inline policy of an SMTP user: it may send (<c>ses:SendRawEmail</c>, <c>ses:SendEmail</c>)
/// only as its allowed From addresses, matched with <c>StringLike</c> so <c>*@domain</c> works.
/// An empty list gives an explicit Deny: IAM's implicit deny would do the same today, but an
/// explicit one also wins over any broader policy someone later attaches to the user or its path.
/// </summary>
public static class SendingPolicy
{
    public const string PolicyVersion = "2012-10-17";
    public const string ConditionKey = "ses:FromAddress";
    public static readonly IReadOnlyList<string> Actions = ["ses:SendRawEmail", "ses:SendEmail"];

    // Relaxed escaping keeps '+' in addresses readable on the admin page; the JSON goes to IAM, never into a script.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Policy JSON for already validated addresses (see <see cref="FromAddressRules.Normalize"/>); lower-cased, de-duplicated and sorted here again.</summary>
    public static string Build(IEnumerable<string> fromAddresses)
    {
        ArgumentNullException.ThrowIfNull(fromAddresses);
        var addresses = fromAddresses
            .Select(a => a.Trim().ToLowerInvariant())
            .Where(a => a.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var statement = addresses.Count == 0
            ? new JsonObject
            {
                ["Sid"] = "DenySendingWithoutAllowedAddresses",
                ["Effect"] = "Deny",
                ["Action"] = ActionArray(),
                ["Resource"] = "*",
            }
            : new JsonObject
            {
                ["Sid"] = "SendAsAllowedAddresses",
                ["Effect"] = "Allow",
                ["Action"] = ActionArray(),
                ["Resource"] = "*",
                ["Condition"] = new JsonObject
                {
                    ["StringLike"] = new JsonObject
                    {
                        [ConditionKey] = new JsonArray([.. addresses.Select(a => (JsonNode)JsonValue.Create(a)!)]),
                    },
                },
            };

        var policy = new JsonObject { ["Version"] = PolicyVersion, ["Statement"] = new JsonArray(statement) };
        return policy.ToJsonString(Indented);
    }

    private static JsonArray ActionArray() => new([.. Actions.Select(a => (JsonNode)JsonValue.Create(a)!)]);
}
