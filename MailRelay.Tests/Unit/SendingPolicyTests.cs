using System.Text.Json;
using System.Text.Json.Nodes;
using MailRelay.Core.Common;
using MailRelay.Core.Smtp;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Unit;

public class SendingPolicyTests
{
    private static readonly string[] SendingDomains = ["example.com", "Example.NET"];

    private static void ShouldBeJson(string actual, string expected) =>
        JsonNode.DeepEquals(JsonNode.Parse(actual), JsonNode.Parse(expected)).ShouldBeTrue($"Got:\n{actual}");

    public static TheoryData<string[], string[]> AllowedAddressCases => new()
    {
        // exact addresses: only those addresses may send
        { ["bob@example.com", "alice@example.com"], ["alice@example.com", "bob@example.com"] },
        // wildcards stay StringLike patterns
        { ["*@example.net", "bob+news@example.com"], ["*@example.net", "bob+news@example.com"] },
        // mixed case, duplicates and spaces: lower-cased, deduplicated, sorted
        { ["Bob@Example.COM", "bob@example.com", " *@EXAMPLE.com "], ["*@example.com", "bob@example.com"] },
    };

    [Theory]
    [MemberData(nameof(AllowedAddressCases))]
    public void Build_AllowedAddresses_AllowsBothSendActionsOnlyAsThoseAddresses(string[] allowed, string[] fromAddresses) =>
        ShouldBeJson(SendingPolicy.Build(allowed), $$"""
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Sid": "SendAsAllowedAddresses",
                "Effect": "Allow",
                "Action": ["ses:SendRawEmail", "ses:SendEmail"],
                "Resource": "*",
                "Condition": { "StringLike": { "ses:FromAddress": {{JsonSerializer.Serialize(fromAddresses)}} } }
              }]
            }
            """);

    [Fact]
    public void Build_EmptyList_DeniesBothActionsExplicitly() =>
        ShouldBeJson(SendingPolicy.Build([]), """
            {
              "Version": "2012-10-17",
              "Statement": [{
                "Sid": "DenySendingWithoutAllowedAddresses",
                "Effect": "Deny",
                "Action": ["ses:SendRawEmail", "ses:SendEmail"],
                "Resource": "*"
              }]
            }
            """);

    [Fact]
    public void Build_PlusInAddress_IsWrittenLiterally() =>
        SendingPolicy.Build(["bob+news@example.com"]).ShouldContain("\"bob+news@example.com\"");

    [Fact]
    public void Normalize_ValidMixedInput_ReturnsLowerCasedDistinctSortedList()
    {
        var result = FromAddressRules.Normalize(["Bob@Example.com", "", "  ", "*@EXAMPLE.NET", "bob@example.com", "alice@example.com"], SendingDomains);

        result.ShouldSucceed().ShouldBe(["*@example.net", "alice@example.com", "bob@example.com"]);
    }

    [Fact]
    public void Normalize_EmptyInput_IsValidAndEmpty() =>
        FromAddressRules.Normalize([], SendingDomains).ShouldSatisfyAllConditions(
            r => r.IsSuccess.ShouldBeTrue(),
            r => r.Value.ShouldBeEmpty());

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("@example.com")]
    [InlineData("bob@")]
    [InlineData("bob@localhost")]
    [InlineData("bo b@example.com")]
    [InlineData("b*b@example.com")]
    [InlineData("bob?@example.com")]
    [InlineData("*@*.example.com")]
    [InlineData("Bob <bob@example.com>")]
    [InlineData("bob..x@example.com")]
    public void Normalize_NotAnAddress_NamesTheEntry(string entry)
    {
        var result = FromAddressRules.Normalize(["alice@example.com", entry], SendingDomains);

        result.ShouldFail().ShouldBe(Failure.Invalid($"\"{entry}\" is not an email address or a *@domain wildcard."));
    }

    [Theory]
    [InlineData("bob@other.org", "other.org")]
    [InlineData("*@Sub.Example.com", "sub.example.com")]
    public void Normalize_DomainNotASendingDomain_NamesTheEntryAndTheAllowedDomains(string entry, string domain) =>
        FromAddressRules.Normalize([entry], SendingDomains).ShouldFail().Message
            .ShouldBe($"\"{entry}\" uses the domain {domain}, which is not a configured sending domain (example.com, example.net).");

    [Fact]
    public void Normalize_NoSendingDomainsConfigured_SaysSo() =>
        FromAddressRules.Normalize(["bob@example.com"], []).ShouldFail().Message
            .ShouldBe("\"bob@example.com\" cannot be allowed: no sending domains are configured.");
}
