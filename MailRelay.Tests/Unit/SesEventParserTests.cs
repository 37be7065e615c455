using MailRelay.Core.Outbound;
using MailRelay.Core.Outbound.Adapters;

namespace MailRelay.Tests.Unit;

public sealed class SesEventParserTests
{
    internal static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ses-events", name));

    [Fact]
    public void Parse_Bounce_HasTypeIdentityRecipientsAndBounceType()
    {
        var parsed = SesEventParser.Parse(Fixture("bounce.json")).Event.ShouldNotBeNull();

        parsed.ShouldBe(new OutboundEvent("EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000", OutboundEventType.Bounce,
            new DateTimeOffset(2026, 11, 20, 0, 41, 2, 669, TimeSpan.Zero), "mr-billing", "billing@example.org", "Permanent/General", 1));
    }

    [Fact]
    public void Parse_BounceInSnsEnvelope_SameAsRaw() =>
        SesEventParser.Parse(Fixture("sns-bounce.json")).Event.ShouldBe(SesEventParser.Parse(Fixture("bounce.json")).Event);

    [Fact]
    public void Parse_Complaint_HasFeedbackTypeAndComplainedRecipients()
    {
        var parsed = SesEventParser.Parse(Fixture("complaint.json")).Event.ShouldNotBeNull();

        (parsed.Type, parsed.Detail, parsed.Recipients, parsed.CallerIdentity).ShouldBe((OutboundEventType.Complaint, "abuse", 1, "mr-billing"));
        parsed.At.ShouldBe(new DateTimeOffset(2026, 11, 20, 17, 8, 50, TimeSpan.Zero));
    }

    [Fact]
    public void Parse_DeliveryWithoutCallerIdentity_KeepsTheSourceAddressForMatching()
    {
        var parsed = SesEventParser.Parse(Fixture("delivery.json")).Event.ShouldNotBeNull();

        (parsed.Type, parsed.CallerIdentity, parsed.Source, parsed.Recipients).ShouldBe((OutboundEventType.Delivery, (string?)null, "news@example.org", 2));
    }

    [Fact]
    public void Parse_Send_TimeIsTheMailTimestamp()
    {
        var parsed = SesEventParser.Parse(Fixture("send.json")).Event.ShouldNotBeNull();

        (parsed.Type, parsed.At).ShouldBe((OutboundEventType.Send, new DateTimeOffset(2026, 11, 20, 21, 26, 43, 50, TimeSpan.Zero)));
    }

    [Fact]
    public void Parse_OpenEvent_IsSkippedNotAnError()
    {
        var result = SesEventParser.Parse(Fixture("open.json"));

        (result.Event, result.Error).ShouldBe((null, null));
        result.Ignored.ShouldNotBeNull().ShouldContain("Open");
    }

    [Fact]
    public void Parse_IdentityNotificationStyle_IsReadLikeAnEvent()
    {
        var body = Fixture("bounce.json").Replace("\"eventType\"", "\"notificationType\"", StringComparison.Ordinal);

        SesEventParser.Parse(body).Event.ShouldNotBeNull().Type.ShouldBe(OutboundEventType.Bounce);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1]", "not a JSON object")]
    [InlineData("{\"eventType\":\"Bounce\"}", "no mail object")]
    [InlineData("{\"eventType\":\"Bounce\",\"mail\":{\"timestamp\":\"2026-11-20T00:00:00Z\"}}", "no mail.messageId")]
    [InlineData("{\"eventType\":\"Send\",\"mail\":{\"messageId\":\"m\"}}", "no usable timestamp")]
    [InlineData("{\"Type\":\"Notification\"}", "no Message string")]
    public void Parse_Unusable_FailsWithAReasonThatQuotesNoContent(string body, string reason)
    {
        var result = SesEventParser.Parse(body);

        result.Event.ShouldBeNull();
        result.Error.ShouldNotBeNull().ShouldContain(reason);
    }

    [Theory]
    [InlineData("Billing <Billing@Example.org>", "billing@example.org")]
    [InlineData("billing@example.org", "billing@example.org")]
    [InlineData("\"Doe, Jane\" <jane@example.org>", "jane@example.org")]
    [InlineData(" ", null)]
    public void SourceAddress_DisplayNameOrBare_LowerCasedAddress(string source, string? expected) =>
        SesEventParser.SourceAddress(source).ShouldBe(expected);
}
