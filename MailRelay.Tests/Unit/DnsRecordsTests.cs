using MailRelay.Core.Common;
using MailRelay.Core.Domains;
using MailRelay.Core.Domains.Adapters;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Unit;

public sealed class DnsRecordsTests
{
    [Theory]
    [InlineData(" Example.COM. ", "example.com")]
    [InlineData("mail.example.co.uk", "mail.example.co.uk")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    public void Normalize_RealDomain_LowerCasedWithoutTrailingDot(string input, string expected) =>
        DomainName.Normalize(input).ShouldSucceed().ShouldBe(expected);

    [Theory]
    [InlineData("", "Enter a domain name, such as example.com.")]
    [InlineData("localhost", "'localhost' is not a domain name: it needs at least two parts, such as example.com.")]
    [InlineData("alice@example.com", "'alice@example.com' is an address; enter only the part after the @.")]
    [InlineData("-bad.example.com", "'-bad.example.com' is not a domain name: each part must be 1–63 letters, digits or hyphens, not starting or ending with a hyphen.")]
    [InlineData("exa mple.com", "'exa mple.com' is not a domain name: use letters, digits, hyphens and dots.")]
    [InlineData("192.0.2.1", "'192.0.2.1' looks like an IP address, not a domain name.")]
    public void Normalize_NotADomain_SaysWhy(string input, string error) =>
        DomainName.Normalize(input).ShouldFail().ShouldBe(Failure.Invalid(error));

    [Fact]
    public void For_DomainWithTokens_ComputesEveryRecordFromConfiguration()
    {
        var options = DnsTestZone.Options("https://dns.example/dns-query");
        options.SpfAll = "-all";
        options.DmarcPolicy = "reject";
        options.MailFromSubdomain = "bounce";

        var records = new RecordPlanner(Microsoft.Extensions.Options.Options.Create(options)).For("example.com")
            .Select(r => $"{r.Name} {r.Type} {r.Value}").ToList();

        records.ShouldBe([
            $"_amazonses.example.com TXT {DnsTestZone.Token}",
            $"{DnsTestZone.Dkim[0]}._domainkey.example.com CNAME {DnsTestZone.Dkim[0]}.dkim.amazonses.com",
            $"{DnsTestZone.Dkim[1]}._domainkey.example.com CNAME {DnsTestZone.Dkim[1]}.dkim.amazonses.com",
            $"{DnsTestZone.Dkim[2]}._domainkey.example.com CNAME {DnsTestZone.Dkim[2]}.dkim.amazonses.com",
            "example.com MX 10 inbound-smtp.eu-west-1.amazonaws.com",
            "example.com TXT v=spf1 include:amazonses.com -all",
            "_dmarc.example.com TXT v=DMARC1; p=reject; rua=mailto:dmarc@example.com",
            "bounce.example.com MX 10 feedback-smtp.eu-west-1.amazonses.com",
            "bounce.example.com TXT v=spf1 include:amazonses.com -all",
            "_mta-sts.example.com TXT v=STSv1; id=20261122",
            "mta-sts.example.com CNAME abc123.eu-west-1.awsapprunner.com",
            "_smtp._tls.example.com TXT v=TLSRPTv1; rua=mailto:tls@example.com",
        ], ignoreOrder: false);
    }

    [Fact]
    public void For_NothingConfiguredButDefaults_NamesEachMissingSettingAndKeepsTheOthers()
    {
        var records = new RecordPlanner(Microsoft.Extensions.Options.Options.Create(new DnsOptions())).For("example.org");

        records.Where(r => r.Value is null).Select(r => r.MissingSetting).Distinct().ShouldBe([
            "Dns:Domains:example.org:VerificationToken", "Dns:Domains:example.org:DkimTokens", "Dns:PublicHost", "Dns:TlsReportAddress"]);
        records.Single(r => r.Purpose == RecordPurpose.Dmarc).Value.ShouldBe("v=DMARC1; p=quarantine");
        records.Single(r => r.Purpose == RecordPurpose.InboundMx).Value.ShouldBe("10 inbound-smtp.us-east-1.amazonaws.com");
    }

    [Fact]
    public void PolicyId_NotConfigured_DerivedFromThePolicySoItChangesWithIt()
    {
        var enforce = new DnsOptions();
        var testing = new DnsOptions { MtaStsMode = "testing" };

        MtaStsPolicy.Id(enforce).ShouldMatch("^[a-z0-9]{20}$");
        MtaStsPolicy.Id(enforce).ShouldBe(MtaStsPolicy.Id(new DnsOptions()));
        MtaStsPolicy.Id(testing).ShouldNotBe(MtaStsPolicy.Id(enforce));
    }

    [Theory]
    [InlineData("\"v=spf1 include:amazonses.com\" \" ~all\"", "v=spf1 include:amazonses.com ~all")]
    [InlineData("\"say \\\"hi\\\"\\059 ok\"", "say \"hi\"; ok")]
    [InlineData("v=DMARC1; p=none", "v=DMARC1; p=none")]
    public void Join_TxtDataAsResolversWriteIt_OneValue(string data, string expected) =>
        TxtData.Join(data).ShouldBe(expected);

    [Fact]
    public async Task Resolve_NameWithCnameAndSplitTxt_ReturnsTheJoinedTxtOnly()
    {
        await using var dns = await FakeDohEndpoint.StartAsync();
        dns.Txt("long.example", new string('a', 300));
        dns.Cname("alias.example", "long.example");
        dns.Add("alias.example", "TXT", "\"one\" \"two\"");

        var resolver = dns.CreateResolver();

        (await resolver.ResolveAsync("long.example", "TXT", default)).ShouldBe([new string('a', 300)]);
        (await resolver.ResolveAsync("alias.example", "TXT", default)).ShouldBe(["onetwo"]);
        (await resolver.ResolveAsync("alias.example", "CNAME", default)).ShouldBe(["long.example"]);
        (await resolver.ResolveAsync("nowhere.example", "MX", default)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("DmarcPolicy", "monitor", "Dns:DmarcPolicy 'monitor' is not known; use one of: none, quarantine, reject.")]
    [InlineData("MtaStsMode", "strict", "Dns:MtaStsMode 'strict' is not known; use one of: enforce, testing, none.")]
    [InlineData("MtaStsPolicyId", "2026-11-22", "Dns:MtaStsPolicyId must be 1 to 32 letters or digits (RFC 8461), but is '2026-11-22'.")]
    [InlineData("TlsReportAddress", "tls", "Dns:TlsReportAddress must be an email address, but is 'tls'.")]
    [InlineData("MailFromSubdomain", "mail.bounce", "Dns:MailFromSubdomain must be one DNS label (letters, digits, hyphens), but is 'mail.bounce'.")]
    public void Validate_BadSetting_NamesTheKey(string property, string value, string message)
    {
        var options = new DnsOptions();
        typeof(DnsOptions).GetProperty(property)!.SetValue(options, value);

        new DnsOptionsValidator().Validate(null, options).Failures.ShouldBe([message]);
    }

    [Fact]
    public void Validate_TwoDkimTokens_NamesTheDomainsKey()
    {
        var options = new DnsOptions { Domains = { ["example.com"] = new DnsDomainOptions { DkimTokens = ["a", "b"] } } };

        new DnsOptionsValidator().Validate(null, options).Failures.ShouldBe(["Dns:Domains:example.com:DkimTokens must hold the three tokens SES gives, but holds 2."]);
    }

    [Fact]
    public void Validate_DomainKeyNotADomain_NamesTheKey()
    {
        var options = new DnsOptions { Domains = { ["localhost"] = new DnsDomainOptions() } };

        new DnsOptionsValidator().Validate(null, options).Failures.ShouldBe(["Dns:Domains:localhost: 'localhost' is not a domain name: it needs at least two parts, such as example.com."]);
    }
}
