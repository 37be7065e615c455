using MailRelay.Core.Domain;

namespace MailRelay.Tests.Contracts;

public abstract partial class RelayStoreContract
{
    private static readonly DateTimeOffset DomainsT0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListDomains_Empty_IsEmpty() =>
        (await Store.ListDomainsAsync(default)).ShouldBeEmpty();

    [Fact]
    public async Task AddDomain_New_IsListedByNameWithWhoAndWhen()
    {
        (await Store.AddDomainAsync(new MailDomain("zeta.example", "admin", DomainsT0), default)).ShouldBeTrue();
        (await Store.AddDomainAsync(new MailDomain("alpha.example", "root", DomainsT0.AddHours(1)), default)).ShouldBeTrue();

        (await Store.ListDomainsAsync(default)).ShouldBe([
            new MailDomain("alpha.example", "root", DomainsT0.AddHours(1)),
            new MailDomain("zeta.example", "admin", DomainsT0),
        ]);
    }

    [Fact]
    public async Task AddDomain_AlreadyThere_FalseAndTheFirstIsKept()
    {
        await Store.AddDomainAsync(new MailDomain("example.com", "admin", DomainsT0), default);

        (await Store.AddDomainAsync(new MailDomain("example.com", "other", DomainsT0.AddDays(1)), default)).ShouldBeFalse();

        (await Store.ListDomainsAsync(default)).ShouldBe([new MailDomain("example.com", "admin", DomainsT0)]);
    }

    [Fact]
    public async Task RemoveDomain_Listed_GoneAndOthersStay()
    {
        await Store.AddDomainAsync(new MailDomain("a.example", "admin", DomainsT0), default);
        await Store.AddDomainAsync(new MailDomain("b.example", "admin", DomainsT0), default);

        (await Store.RemoveDomainAsync("a.example", default)).ShouldBeTrue();

        (await Store.ListDomainsAsync(default)).Select(d => d.Name).ShouldBe(["b.example"]);
    }

    [Fact]
    public async Task RemoveDomain_Unknown_False() =>
        (await Store.RemoveDomainAsync("nowhere.example", default)).ShouldBeFalse();
}
