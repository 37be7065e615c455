using MailRelay.Core.Common;
using MailRelay.Tests.Support;
using MailRelay.Web.Components.Admin;

namespace MailRelay.Tests.Unit;

/// <summary>The envelope recipients an admin types for "Upload message", checked with MimeKit's address parser.</summary>
public class RecipientListTests
{
    [Fact]
    public void Parse_AddressesWithAnySeparator_AreLowerCasedWithoutRepeats()
    {
        var addresses = RecipientList.Parse("Alice@Example.com, bob@example.org;\tcarol@mail.example.net\r\nalice@example.com").ShouldSucceed();

        addresses.ShouldBe(["alice@example.com", "bob@example.org", "carol@mail.example.net"]);
    }

    [Theory]
    [InlineData("alice at example", "'alice', 'at', 'example' are not addresses")] // split at the spaces
    [InlineData("alice@localhost", "'alice@localhost' is not an address")]
    [InlineData("<alice@example.com>", "'<alice@example.com>' is not an address")]
    [InlineData("Alice<alice@example.com>", "'Alice<alice@example.com>' is not an address")]
    [InlineData("alice@example.com.", "'alice@example.com.' is not an address")]
    [InlineData("alice@@example.com", "'alice@@example.com' is not an address")]
    [InlineData("@example.com", "'@example.com' is not an address")]
    public void Parse_NotABareAddressWithADottedDomain_IsRefusedByName(string text, string error)
    {
        var failure = RecipientList.Parse(text).ShouldFail();

        failure.Kind.ShouldBe(FailureKind.Invalid);
        failure.Message.ShouldContain(error);
    }

    [Fact]
    public void Parse_Nothing_AsksForARecipient()
    {
        RecipientList.Parse("  ").ShouldFail().Message.ShouldBe("Enter at least one envelope recipient, such as alice@example.com.");
    }
}
