using System.Text.Json.Nodes;
using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Adapters;

namespace MailRelay.Tests.Unit;

public class SesNotificationParserTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ses");

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(Fixtures, name));

    [Fact]
    public void Parse_SnsEnvelopeFromSqs_ReadsTheSesReceivedNotification()
    {
        var result = SesNotificationParser.Parse(Fixture("sqs-body-ses-received.json"));

        result.Failure.ShouldBeNull();
        var notification = result.Value.ShouldNotBeNull();
        notification.MessageId.ShouldBe("abc123def456ghi789jkl012mno345pqr678stu901");
        notification.Recipients.ShouldBe(["recipient@mail.example.com"]);
        notification.ReceivedAt.ShouldBe(new DateTimeOffset(2025, 10, 22, 6, 24, 7, 417, TimeSpan.Zero));
        notification.Verdicts.ShouldBe(new Verdicts("PASS", "PASS", "PASS", "PASS", "PASS"));
        var action = notification.Action.ShouldNotBeNull();
        action.IsS3.ShouldBeTrue();
        action.BucketName.ShouldBe("ses-mail-storage-123456789012-test");
        action.ObjectKey.ShouldBe("emails/abc123def456ghi789jkl012mno345pqr678stu901");
    }

    [Fact]
    public void Parse_RawSesNotificationWithoutEnvelope_ReadsTheSameNotification()
    {
        var raw = SesNotificationParser.Parse(Fixture("ses-received-notification.json"));
        var enveloped = SesNotificationParser.Parse(Fixture("sqs-body-ses-received.json"));

        raw.IsSuccess.ShouldBeTrue(raw.Failure?.Message);
        raw.Value!.MessageId.ShouldBe(enveloped.Value!.MessageId);
        raw.Value.Recipients.ShouldBe(enveloped.Value.Recipients);
        raw.Value.Verdicts.ShouldBe(enveloped.Value.Verdicts);
        raw.Value.Action.ShouldBe(enveloped.Value.Action);
        raw.Value.ReceivedAt.ShouldBe(enveloped.Value.ReceivedAt);
    }

    [Fact]
    public void Parse_BccRecipient_UsesEnvelopeRecipientsNotHeaders()
    {
        var ses = SesJson();
        ses["receipt"]!["recipients"] = new JsonArray("recipient@mail.example.com", "hidden@mail.example.com");
        ses["mail"]!["commonHeaders"]!["to"] = new JsonArray("someone-else@example.org");

        var result = SesNotificationParser.Parse(ses.ToJsonString());

        result.Value!.Recipients.ShouldBe(["recipient@mail.example.com", "hidden@mail.example.com"]);
    }

    [Fact]
    public void Parse_FailedVerdictsAndNoReceiptTimestamp_KeepsStatusesAndFallsBackToMailTimestamp()
    {
        var ses = SesJson();
        ses["receipt"]!["spamVerdict"]!["status"] = "FAIL";
        ses["receipt"]!["virusVerdict"]!["status"] = "GRAY";
        ses["receipt"]!.AsObject().Remove("dmarcVerdict");
        ses["receipt"]!.AsObject().Remove("timestamp");
        ses["mail"]!["timestamp"] = "2025-10-22T06:24:00.000Z";

        var notification = SesNotificationParser.Parse(ses.ToJsonString()).Value!;

        notification.Verdicts.ShouldBe(new Verdicts("FAIL", "GRAY", "PASS", "PASS", null));
        notification.Verdicts.SpamFailed.ShouldBeTrue();
        notification.ReceivedAt.ShouldBe(new DateTimeOffset(2025, 10, 22, 6, 24, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("{\"Type\": \"Notification\", \"Message\": ")]
    [InlineData("not json at all")]
    [InlineData("")]
    public void Parse_MalformedJson_FailsWithAReasonAndNoException(string body)
    {
        var result = SesNotificationParser.Parse(body);

        result.IsSuccess.ShouldBeFalse();
        result.Value.ShouldBeNull();
        result.Failure?.Message.ShouldNotBeNullOrWhiteSpace();
        result.Failure?.Message.ShouldNotContain("not json"); // reasons never quote the body
    }

    [Fact]
    public void Parse_EnvelopeWhoseMessageIsNotJson_Fails()
    {
        var body = new JsonObject { ["Type"] = "Notification", ["Message"] = "{broken" }.ToJsonString();

        SesNotificationParser.Parse(body).Failure?.Message.ShouldNotBeNull().ShouldStartWith("The SNS Message is not valid JSON");
    }

    [Fact]
    public void Parse_BounceNotification_FailsNamingTheType()
    {
        var ses = SesJson();
        ses["notificationType"] = "Bounce";
        var envelope = new JsonObject { ["Type"] = "Notification", ["Message"] = ses.ToJsonString() };

        var result = SesNotificationParser.Parse(envelope.ToJsonString());

        result.IsSuccess.ShouldBeFalse();
        result.Failure?.Message.ShouldBe("The SES notification type is 'Bounce', not 'Received'.");
    }

    [Fact]
    public void Parse_SnsSubscriptionConfirmation_Fails()
    {
        var body = new JsonObject { ["Type"] = "SubscriptionConfirmation", ["Message"] = "You have chosen to subscribe…" }.ToJsonString();

        SesNotificationParser.Parse(body).Failure?.Message.ShouldBe("The SNS message is a 'SubscriptionConfirmation', not a Notification.");
    }

    [Theory]
    [InlineData("recipients", "The SES notification has no receipt.recipients (envelope recipients).")]
    [InlineData("messageId", "The SES notification has no mail.messageId.")]
    public void Parse_MissingRequiredField_Fails(string field, string error)
    {
        var ses = SesJson();
        if (field == "recipients") ses["receipt"]!.AsObject().Remove("recipients");
        else ses["mail"]!.AsObject().Remove("messageId");

        SesNotificationParser.Parse(ses.ToJsonString()).Failure?.Message.ShouldBe(error);
    }

    [Fact]
    public void Parse_MessageIdWithPathCharacters_Fails()
    {
        var ses = SesJson();
        ses["mail"]!["messageId"] = "../../etc/passwd";

        SesNotificationParser.Parse(ses.ToJsonString()).Failure?.Message.ShouldBe("The SES mail.messageId has characters SES never uses.");
    }

    [Fact]
    public void Parse_SnsActionInsteadOfS3_ParsesButIsNotS3()
    {
        var ses = SesJson();
        ses["receipt"]!["action"] = new JsonObject { ["type"] = "SNS", ["topicArn"] = "arn:aws:sns:eu-west-1:123456789012:t", ["encoding"] = "BASE64" };

        var action = SesNotificationParser.Parse(ses.ToJsonString()).Value!.Action!;

        action.Type.ShouldBe("SNS");
        action.IsS3.ShouldBeFalse();
    }

    private static JsonNode SesJson() => JsonNode.Parse(Fixture("ses-received-notification.json"))!;
}
