using MailRelay.Core.Smtp;

namespace MailRelay.Tests.Unit;

public class SesSmtpPasswordTests
{
    // Published vectors: hashicorp/terraform-provider-aws, internal/service/iam/access_key_test.go,
    // TestSESSMTPPasswordFromSecretKeySigV4 (commit f1750b8668f2771f28931e8ed4c1fa564b83e4d1).
    // Not derived from this code: they come from an implementation known to authenticate against SES.
    [Theory]
    [InlineData("eu-central-1", "some+secret+key", "BMXhUYlu5Z3gSXVQORxlVa7XPaz91aGWdfHxvkOZdWZ2")]
    [InlineData("eu-central-1", "another+secret+key", "BBbphbrQmrKMx42d1N6+C7VINYEBGI5v9VsZeTxwskfh")]
    [InlineData("us-west-1", "some+secret+key", "BH+jbMzper5WwlwUar9E1ySBqHa9whi0GPo+sJ0mVYJj")]
    [InlineData("us-west-1", "another+secret+key", "BKVmjjMDFk/qqw8EROW99bjCS65PF8WKvK5bSr4Y6EqF")]
    public void FromSecretKey_PublishedVector_MatchesTerraformProviderAws(string region, string secret, string expected) =>
        SesSmtpPassword.FromSecretKey(secret, region).ShouldBe(expected);

    [Fact]
    public void FromSecretKey_AnyKey_IsVersion4AndThirtyThreeBytes()
    {
        var bytes = Convert.FromBase64String(SesSmtpPassword.FromSecretKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1"));

        bytes.Length.ShouldBe(33);
        bytes[0].ShouldBe((byte)0x04);
    }

    [Fact]
    public void FromSecretKey_SameKeyOtherRegion_GivesAnotherPassword() =>
        SesSmtpPassword.FromSecretKey("some+secret+key", "eu-west-1")
            .ShouldNotBe(SesSmtpPassword.FromSecretKey("some+secret+key", "eu-central-1"));

    [Theory]
    [InlineData("", "us-east-1")]
    [InlineData("secret", " ")]
    public void FromSecretKey_MissingInput_Throws(string secret, string region) =>
        Should.Throw<ArgumentException>(() => SesSmtpPassword.FromSecretKey(secret, region));
}
