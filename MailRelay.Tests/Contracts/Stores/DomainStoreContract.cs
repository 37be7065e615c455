using MailRelay.Core.Domains;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>What every <see cref="IDomainStore"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract class DomainStoreContract : StoreContract
{
    private static readonly DateTimeOffset DomainsT0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListDomains_Empty_IsEmpty() =>
        (await Stores.Domains.ListDomainsAsync(default)).ShouldBeEmpty();

    [Fact]
    public async Task AddDomain_New_IsListedByNameWithWhoAndWhen()
    {
        (await Stores.Domains.AddDomainAsync(new MailDomain("zeta.example", "admin", DomainsT0), default)).ShouldBeTrue();
        (await Stores.Domains.AddDomainAsync(new MailDomain("alpha.example", "root", DomainsT0.AddHours(1)), default)).ShouldBeTrue();

        (await Stores.Domains.ListDomainsAsync(default)).ShouldBe([
            new MailDomain("alpha.example", "root", DomainsT0.AddHours(1)),
            new MailDomain("zeta.example", "admin", DomainsT0),
        ]);
    }

    [Fact]
    public async Task AddDomain_AlreadyThere_FalseAndTheFirstIsKept()
    {
        await Stores.Domains.AddDomainAsync(new MailDomain("example.com", "admin", DomainsT0), default);

        (await Stores.Domains.AddDomainAsync(new MailDomain("example.com", "other", DomainsT0.AddDays(1)), default)).ShouldBeFalse();

        (await Stores.Domains.ListDomainsAsync(default)).ShouldBe([new MailDomain("example.com", "admin", DomainsT0)]);
    }

    [Fact]
    public async Task RemoveDomain_Listed_GoneAndOthersStay()
    {
        await Stores.Domains.AddDomainAsync(new MailDomain("a.example", "admin", DomainsT0), default);
        await Stores.Domains.AddDomainAsync(new MailDomain("b.example", "admin", DomainsT0), default);

        (await Stores.Domains.RemoveDomainAsync("a.example", default)).ShouldBeTrue();

        (await Stores.Domains.ListDomainsAsync(default)).Select(d => d.Name).ShouldBe(["b.example"]);
    }

    [Fact]
    public async Task RemoveDomain_Unknown_False() =>
        (await Stores.Domains.RemoveDomainAsync("nowhere.example", default)).ShouldBeFalse();

    [Fact]
    public async Task SaveCheckReport_ListedDomain_IsItsLastCheck_AndTheNextReplacesIt()
    {
        await Stores.Domains.AddDomainAsync(new MailDomain("example.com", "admin", DomainsT0), default);
        await Stores.Domains.AddDomainAsync(new MailDomain("other.example", "admin", DomainsT0), default);

        (await Stores.Domains.SaveCheckReportAsync(Report("example.com", DomainsT0.AddHours(1), DnsCheckStatus.Missing), default)).ShouldBeTrue();
        (await Stores.Domains.SaveCheckReportAsync(Report("example.com", DomainsT0.AddHours(2), DnsCheckStatus.Ok), default)).ShouldBeTrue();

        var kept = (await Stores.Domains.ListCheckReportsAsync(default)).ShouldHaveSingleItem();
        kept.Domain.ShouldBe("example.com");
        kept.CheckedAt.ShouldBe(DomainsT0.AddHours(2));
        var record = kept.Records.ShouldHaveSingleItem();
        record.Status.ShouldBe(DnsCheckStatus.Ok);
        record.Record.ShouldBe(Expected("example.com"));
        record.Found.ShouldBe(["10 inbound-smtp.eu-west-1.amazonaws.com"]);
        record.Explanation.ShouldBe("Checked.");
    }

    [Fact]
    public async Task SaveCheckReport_DomainNotListed_FalseAndNothingKept()
    {
        (await Stores.Domains.SaveCheckReportAsync(Report("gone.example", DomainsT0, DnsCheckStatus.Ok), default)).ShouldBeFalse();

        (await Stores.Domains.ListCheckReportsAsync(default)).ShouldBeEmpty();
        (await Stores.Domains.ListDomainsAsync(default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RemoveDomain_Checked_ItsLastCheckGoesWithIt()
    {
        await Stores.Domains.AddDomainAsync(new MailDomain("example.com", "admin", DomainsT0), default);
        await Stores.Domains.SaveCheckReportAsync(Report("example.com", DomainsT0, DnsCheckStatus.Ok), default);

        await Stores.Domains.RemoveDomainAsync("example.com", default);
        await Stores.Domains.AddDomainAsync(new MailDomain("example.com", "admin", DomainsT0.AddDays(1)), default);

        (await Stores.Domains.ListCheckReportsAsync(default)).ShouldBeEmpty();
    }

    private static ExpectedRecord Expected(string domain) =>
        new(domain, RecordPurpose.InboundMx, domain, "MX", "10 inbound-smtp.eu-west-1.amazonaws.com", null, "Mail to the domain reaches SES.");

    private static DomainCheckReport Report(string domain, DateTimeOffset at, DnsCheckStatus status) =>
        new(domain, at, [new RecordCheck(Expected(domain), status, ["10 inbound-smtp.eu-west-1.amazonaws.com"], "Checked.")]);
}
