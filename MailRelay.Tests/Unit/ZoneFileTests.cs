using System.Text;
using System.Text.RegularExpressions;
using MailRelay.Core.Domains;

namespace MailRelay.Tests.Unit;

/// <summary>The zone snippet must import into BIND-syntax zone editors: checked with a strict parser of the lines it may hold.</summary>
public sealed partial class ZoneFileTests
{
    [Fact]
    public void Build_ConfiguredDomain_EveryLineParsesAsBindAndCarriesTheRecords()
    {
        var planner = new RecordPlanner(Microsoft.Extensions.Options.Options.Create(DnsTestZone.Options("https://dns.example/dns-query")));

        var zone = ZoneFile.Build(planner.For("example.com"), 3600);

        var records = Parse(zone);
        records.Count.ShouldBe(12);
        records.ShouldContain(("_amazonses.example.com.", 3600, "TXT", DnsTestZone.Token));
        records.ShouldContain(($"{DnsTestZone.Dkim[0]}._domainkey.example.com.", 3600, "CNAME", $"{DnsTestZone.Dkim[0]}.dkim.amazonses.com."));
        records.ShouldContain(("example.com.", 3600, "MX", "10 inbound-smtp.eu-west-1.amazonaws.com."));
        records.ShouldContain(("example.com.", 3600, "TXT", "v=spf1 include:amazonses.com ~all"));
        records.ShouldContain(("_dmarc.example.com.", 3600, "TXT", "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com"));
        records.ShouldContain(("mail.example.com.", 3600, "MX", "10 feedback-smtp.eu-west-1.amazonses.com."));
        records.ShouldContain(("_mta-sts.example.com.", 3600, "TXT", "v=STSv1; id=20261122"));
        records.ShouldContain(("_smtp._tls.example.com.", 3600, "TXT", "v=TLSRPTv1; rua=mailto:tls@example.com"));
    }

    [Fact]
    public void Build_MissingTokens_WritesCommentsNamingTheSettingInsteadOfRecords()
    {
        var options = DnsTestZone.Options("https://dns.example/dns-query");
        options.Domains.Clear();
        var planner = new RecordPlanner(Microsoft.Extensions.Options.Options.Create(options));

        var zone = ZoneFile.Build(planner.For("example.com"), 300);

        Parse(zone).Count.ShouldBe(8);
        zone.ShouldContain("; _amazonses.example.com TXT: configure Dns:Domains:example.com:VerificationToken\n");
        zone.ShouldNotContain("_domainkey.example.com. ");
    }

    [Fact]
    public void Quote_ValueLongerThan255_SplitsIntoStringsOfAtMost255AndEscapesQuotes()
    {
        var value = "v=spf1 " + string.Join(' ', Enumerable.Range(1, 40).Select(i => $"ip4:192.0.2.{i}")) + " \"quoted\" ~all";

        var quoted = ZoneFile.Quote(value);

        var strings = BindString().Matches(quoted).Select(m => m.Groups[1].Value).ToList();
        strings.Count.ShouldBe(3);
        strings.ShouldAllBe(s => Unescape(s).Length <= 255);
        string.Concat(strings.Select(Unescape)).ShouldBe(value);
    }

    /// <summary>
    /// A strict reader of what the snippet may contain: blank lines, comments, and
    /// <c>owner. TTL IN TYPE rdata</c> with an absolute owner, a numeric TTL, and rdata valid for
    /// its type (TXT: one or more quoted strings of at most 255 characters; MX: priority and an
    /// absolute host; CNAME: an absolute host). Anything else fails the test with the line.
    /// </summary>
    private static List<(string Owner, int Ttl, string Type, string Data)> Parse(string zone)
    {
        zone.ShouldEndWith("\n");
        zone.ShouldNotContain("\r");
        var records = new List<(string, int, string, string)>();
        foreach (var line in zone.Split('\n')[..^1])
        {
            if (line.Length == 0 || line.StartsWith(';')) continue;
            var m = RecordLine().Match(line);
            m.Success.ShouldBeTrue($"not a BIND record line: {line}");
            var (owner, ttl, type, rdata) = (m.Groups["owner"].Value, int.Parse(m.Groups["ttl"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["type"].Value, m.Groups["rdata"].Value);
            string data;
            switch (type)
            {
                case "TXT":
                    TxtRdata().IsMatch(rdata).ShouldBeTrue($"TXT rdata is not quoted strings: {line}");
                    var strings = BindString().Matches(rdata).Select(s => Unescape(s.Groups[1].Value)).ToList();
                    strings.ShouldAllBe(s => Encoding.UTF8.GetByteCount(s) <= 255, line);
                    data = string.Concat(strings);
                    break;
                case "MX":
                    MxRdata().IsMatch(rdata).ShouldBeTrue($"MX rdata is not 'priority host.': {line}");
                    data = rdata;
                    break;
                case "CNAME":
                    Host().IsMatch(rdata).ShouldBeTrue($"CNAME target is not an absolute host: {line}");
                    data = rdata;
                    break;
                default:
                    throw new ShouldAssertException($"unexpected record type: {line}");
            }
            records.Add((owner, ttl, type, data));
        }
        return records;
    }

    private static string Unescape(string quoted) => Regex.Replace(quoted, @"\\(.)", "$1");

    [GeneratedRegex(@"^(?<owner>(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\.)+) (?<ttl>[0-9]{1,7}) IN (?<type>[A-Z]+) (?<rdata>\S.*)$")]
    private static partial Regex RecordLine();

    [GeneratedRegex(@"^""(?:[^""\\]|\\.)*""(?: ""(?:[^""\\]|\\.)*"")*$")]
    private static partial Regex TxtRdata();

    [GeneratedRegex(@"""((?:[^""\\]|\\.)*)""")]
    private static partial Regex BindString();

    [GeneratedRegex(@"^[0-9]{1,5} (?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+$")]
    private static partial Regex MxRdata();

    [GeneratedRegex(@"^(?:[a-z0-9_](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+$")]
    private static partial Regex Host();
}
