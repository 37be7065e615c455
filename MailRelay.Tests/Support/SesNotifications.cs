using System.Text.Json.Nodes;

namespace MailRelay.Tests.Support;

/// <summary>SQS bodies as SES → SNS → SQS delivers them, built from the recorded fixture with other ids.</summary>
public static class SesNotifications
{
    private static readonly string Fixture = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ses", "sqs-body-ses-received.json"));

    /// <summary>The SNS envelope of an SES "Received" notification whose S3 action stored the message under <paramref name="objectKey"/>.</summary>
    public static string SqsBody(string messageId, IReadOnlyList<string> recipients, string objectKey, string bucketName = "mailrelay-test")
    {
        var envelope = JsonNode.Parse(Fixture)!.AsObject();
        var notification = JsonNode.Parse(envelope["Message"]!.GetValue<string>())!.AsObject();
        notification["mail"]!["messageId"] = messageId;
        notification["mail"]!["destination"] = new JsonArray([.. recipients.Select(r => JsonValue.Create(r))]);
        var receipt = notification["receipt"]!;
        receipt["recipients"] = new JsonArray([.. recipients.Select(r => JsonValue.Create(r))]);
        receipt["action"]!["bucketName"] = bucketName;
        receipt["action"]!["objectKeyPrefix"] = objectKey.Contains('/') ? objectKey[..(objectKey.LastIndexOf('/') + 1)] : "";
        receipt["action"]!["objectKey"] = objectKey;
        envelope["Message"] = notification.ToJsonString();
        envelope["MessageId"] = Guid.NewGuid().ToString();
        return envelope.ToJsonString();
    }
}
