using MailRelay.Core.Common;
using MailRelay.Core.Domains;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Unit;

/// <summary>The checker with the real DoH adapter against an in-process DoH endpoint serving a scripted zone.</summary>
public sealed class DnsCheckerTests : DnsZoneTest
{
    private const string D = DnsTestZone.Domain;
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private DnsOptions _options = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _options = DnsTestZone.Options(Zone.ResolverUrl);
    }

    [Fact]
    public async Task Check_EveryRecordPublished_AllOkAndTheReportIsKeptInTheStoreWithItsTime_AndPagesAreTold()
    {
        Zone.PublishAll();
        await Store.Domains.AddDomainAsync(new MailDomain(D, "admin", _time.GetUtcNow()), default);
        var (checker, events) = Checker();
        var told = new List<RelayChange>();
        events.Changed += told.Add;

        var report = await checker.CheckAsync(D, default);

        report.Records.Where(r => r.Status != DnsCheckStatus.Ok).Select(r => $"{r.Record.Name} {r.Status}: {r.Explanation}").ShouldBeEmpty();
        report.Records.Count.ShouldBe(12);
        report.CheckedAt.ShouldBe(_time.GetUtcNow());
        var kept = (await Store.Domains.ListCheckReportsAsync(default)).ShouldHaveSingleItem();
        kept.CheckedAt.ShouldBe(report.CheckedAt);
        kept.Records.ShouldBe(report.Records, ignoreOrder: false, comparer: new RecordCheckComparer());
        told.ShouldHaveSingleItem().Kind.ShouldBe(DnsChecker.CheckedKind);
    }

    [Fact]
    public async Task Check_DomainNotListed_ReportsButKeepsNothing()
    {
        Zone.PublishAll();
        var (checker, events) = Checker();
        var told = new List<RelayChange>();
        events.Changed += told.Add;

        (await checker.CheckAsync(D, default)).Records.Count.ShouldBe(12);

        (await Store.Domains.ListCheckReportsAsync(default)).ShouldBeEmpty();
        told.ShouldBeEmpty();
    }

    [Fact]
    public async Task Check_NothingPublished_EveryRecordMissing()
    {
        var (checker, _) = Checker();

        var report = await checker.CheckAsync(D, default);

        report.Records.ShouldAllBe(r => r.Status == DnsCheckStatus.Missing);
        report.Records.First(r => r.Record.Purpose == RecordPurpose.Dkim).Explanation.ShouldBe("Not found in DNS.");
    }

    [Fact]
    public async Task Check_DkimCnameToAnotherTarget_DifferentWithTheValueFound()
    {
        Zone.PublishAll();
        Zone.Clear($"{DnsTestZone.Dkim[1]}._domainkey.{D}", "CNAME");
        Zone.Cname($"{DnsTestZone.Dkim[1]}._domainkey.{D}", "old.dkim.example.net");

        var check = await CheckAsync(r => r.Record.Name.StartsWith(DnsTestZone.Dkim[1], StringComparison.Ordinal));

        check.Status.ShouldBe(DnsCheckStatus.Different);
        check.Found.ShouldBe(["old.dkim.example.net"]);
        check.Explanation.ShouldBe($"Points to old.dkim.example.net, not {DnsTestZone.Dkim[1]}.dkim.amazonses.com.");
    }

    [Fact]
    public async Task Check_SpfWithMoreThanTenLookupsThroughIncludes_WarnsWithTheCount()
    {
        Zone.PublishAll();
        Zone.Clear(D, "TXT");
        // 1 (amazonses) + 1 + 2 nested + a + mx = 6 at the top, and _spf.big.example costs 6 more: 12 in all.
        Zone.Txt(D, "v=spf1 include:amazonses.com include:_spf.one.example a mx ~all");
        Zone.Txt("_spf.one.example", "v=spf1 include:_spf.two.example include:_spf.big.example ?all");
        Zone.Txt("_spf.two.example", "v=spf1 ip4:192.0.2.0/24 -all");
        Zone.Txt("_spf.big.example", "v=spf1 a:a.example mx:m.example ptr exists:%{i}.x.example include:_spf.two.example redirect=_spf.last.example");
        Zone.Txt("_spf.last.example", "v=spf1 -all");

        var check = await CheckAsync(r => r.Record.Purpose == RecordPurpose.Spf);

        check.Status.ShouldBe(DnsCheckStatus.Warning);
        check.Explanation!.ShouldStartWith("The SPF record needs more than 10 DNS lookups (12 counted)");
        check.Explanation.ShouldContain("permerror");
    }

    [Fact]
    public async Task Check_SpfWithTenLookups_IsOk()
    {
        Zone.PublishAll();
        Zone.Clear(D, "TXT");
        Zone.Txt(D, "v=spf1 include:amazonses.com a mx a:1.example a:2.example a:3.example a:4.example a:5.example mx:6.example exists:7.example ~all");

        (await CheckAsync(r => r.Record.Purpose == RecordPurpose.Spf)).Status.ShouldBe(DnsCheckStatus.Ok);
    }

    [Fact]
    public async Task Check_TwoSpfRecords_DifferentBecauseReceiversAnswerPermerror()
    {
        Zone.PublishAll();
        Zone.Txt(D, "v=spf1 include:_spf.google.com ~all");

        var check = await CheckAsync(r => r.Record.Purpose == RecordPurpose.Spf);

        check.Status.ShouldBe(DnsCheckStatus.Different);
        check.Found.ShouldContain("v=spf1 include:_spf.google.com ~all");
        check.Explanation!.ShouldStartWith("2 SPF records: receivers answer permerror");
    }

    [Theory]
    [InlineData("mail", "v=spf1 mx -all", RecordPurpose.MailFromSpf, DnsCheckStatus.Different,
        "The SPF record does not include amazonses.com, so mail SES sends fails SPF.")]
    [InlineData("_dmarc", "v=DMARC1; p=none; rua=mailto:dmarc@example.com", RecordPurpose.Dmarc, DnsCheckStatus.Warning,
        "DMARC p=none only monitors: receivers still deliver mail that fails DMARC, so spoofed mail arrives. Use p=quarantine once the reports look clean.")]
    [InlineData("_dmarc", "v=DMARC1;p=reject;rua=mailto:dmarc@example.com", RecordPurpose.Dmarc, DnsCheckStatus.Different,
        "The policy is p=reject, but Dns:DmarcPolicy asks for p=quarantine.")]
    [InlineData("_mta-sts", "v=STSv1; id=20250101", RecordPurpose.MtaSts, DnsCheckStatus.Different,
        "Found \"v=STSv1; id=20250101\", expected \"v=STSv1; id=20261122\".")]
    public async Task Check_TxtRecordReplacedByAWrongOne_StatusAndExplanationSayWhatIsWrong(
        string label, string published, RecordPurpose purpose, DnsCheckStatus status, string explanation)
    {
        Zone.PublishAll();
        Zone.Clear($"{label}.{D}", "TXT");
        Zone.Txt($"{label}.{D}", published);

        var check = await CheckAsync(r => r.Record.Purpose == purpose);

        check.Status.ShouldBe(status);
        check.Explanation.ShouldBe(explanation);
    }

    [Fact]
    public async Task Check_MxToAnotherProvider_DifferentSayingMailDoesNotReachSes()
    {
        Zone.PublishAll();
        Zone.Clear(D, "MX");
        Zone.Mx(D, 1, "aspmx.l.google.com");

        var check = await CheckAsync(r => r.Record.Purpose == RecordPurpose.InboundMx);

        check.Status.ShouldBe(DnsCheckStatus.Different);
        check.Found.ShouldBe(["1 aspmx.l.google.com"]);
        check.Explanation.ShouldBe("The MX does not point to SES: mail goes to aspmx.l.google.com, not inbound-smtp.eu-west-1.amazonaws.com.");
    }

    [Fact]
    public async Task Check_SesMxPlusABackupMx_Warning()
    {
        Zone.PublishAll();
        Zone.Mx(D, 20, "backup.example.net");

        var check = await CheckAsync(r => r.Record.Purpose == RecordPurpose.InboundMx);

        check.Status.ShouldBe(DnsCheckStatus.Warning);
        check.Explanation!.ShouldContain("backup.example.net");
    }

    [Fact]
    public async Task Check_NoTokensConfigured_NotConfiguredNamingTheSettingAndNothingLookedUp()
    {
        _options.Domains.Clear();
        var (checker, _) = Checker();

        var report = await checker.CheckAsync(D, default);

        var verification = report.Records.Single(r => r.Record.Purpose == RecordPurpose.SesVerification);
        verification.Status.ShouldBe(DnsCheckStatus.NotConfigured);
        verification.Record.Value.ShouldBeNull();
        verification.Explanation.ShouldBe($"Configure Dns:Domains:{D}:VerificationToken to compute this record.");
        report.Records.Where(r => r.Record.Purpose == RecordPurpose.Dkim).ShouldAllBe(r => r.Status == DnsCheckStatus.NotConfigured);
        Zone.Requests.ShouldNotContain(q => q.Name!.StartsWith("_amazonses", StringComparison.Ordinal) || q.Name!.Contains("_domainkey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_ResolverAnswersServfail_LookupFailedWithTheReason()
    {
        Zone.PublishAll();
        Zone.FailWith($"_dmarc.{D}", 2);

        var check = await CheckAsync(r => r.Record.Purpose == RecordPurpose.Dmarc);

        check.Status.ShouldBe(DnsCheckStatus.LookupFailed);
        check.Explanation.ShouldBe($"The DNS resolver answered SERVFAIL for _dmarc.{D} TXT.");
    }

    [Fact]
    public async Task CheckAll_ListedDomains_ChecksEachAndAsksWithTheDnsJsonAcceptHeader()
    {
        Zone.PublishAll();
        await Store.Domains.AddDomainAsync(new MailDomain(D, "admin", _time.GetUtcNow()), default);
        await Store.Domains.AddDomainAsync(new MailDomain("other.example", "admin", _time.GetUtcNow()), default);
        var (checker, _) = Checker();

        var reports = await checker.CheckAllAsync(default);

        reports.Select(r => r.Domain).ShouldBe(["example.com", "other.example"]);
        (await Store.Domains.ListCheckReportsAsync(default)).Single(r => r.Domain == "other.example").Records.Single(r => r.Record.Purpose == RecordPurpose.InboundMx).Status.ShouldBe(DnsCheckStatus.Missing);
        Zone.Requests.ShouldAllBe(q => q.Accept == "application/dns-json");
    }

    private async Task<RecordCheck> CheckAsync(Func<RecordCheck, bool> which)
    {
        var (checker, _) = Checker();
        return (await checker.CheckAsync(D, default)).Records.Single(which);
    }

    private (DnsChecker Checker, RelayEvents Events) Checker()
    {
        var options = Microsoft.Extensions.Options.Options.Create(_options);
        var events = new RelayEvents();
        return (new DnsChecker(Zone.CreateResolver(), new RecordPlanner(options), Store.Domains, events, _time, options, NullLogger<DnsChecker>.Instance), events);
    }

    /// <summary>Record checks are equal when every field is: the lists inside them compare by content.</summary>
    private sealed class RecordCheckComparer : IEqualityComparer<RecordCheck>
    {
        public bool Equals(RecordCheck? x, RecordCheck? y) =>
            x is not null && y is not null && x.Record == y.Record && x.Status == y.Status && x.Explanation == y.Explanation && x.Found.SequenceEqual(y.Found);

        public int GetHashCode(RecordCheck obj) => HashCode.Combine(obj.Record, obj.Status);
    }
}
