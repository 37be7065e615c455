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
}
