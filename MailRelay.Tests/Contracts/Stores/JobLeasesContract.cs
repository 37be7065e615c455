using MailRelay.Core.Cluster;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>What every <see cref="IJobLeases"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract class JobLeasesContract : StoreContract
{
    private IJobLeases Leases => Stores.JobLeases;

    [Fact]
    public async Task TryAcquire_TwoOwnersAtOnce_ExactlyOneWins()
    {
        for (var round = 0; round < 5; round++)
        {
            var job = $"Sweep{round}";
            var results = await Task.WhenAll(
                Leases.TryAcquireAsync(job, "node-a", T0, T0.AddMinutes(15), default),
                Leases.TryAcquireAsync(job, "node-b", T0, T0.AddMinutes(15), default));

            results.Count(won => won).ShouldBe(1, $"round {round}");
        }
    }

    [Fact]
    public async Task TryAcquire_HeldByAnother_RefusedUntilTheLeaseEnds()
    {
        (await Leases.TryAcquireAsync("Sweep", "node-a", T0, T0.AddMinutes(15), default)).ShouldBeTrue();

        var whileHeld = await Leases.TryAcquireAsync("Sweep", "node-b", T0.AddMinutes(5), T0.AddMinutes(20), default);
        var atTheEnd = await Leases.TryAcquireAsync("Sweep", "node-b", T0.AddMinutes(15), T0.AddMinutes(30), default);
        var afterTheEnd = await Leases.TryAcquireAsync("Sweep", "node-b", T0.AddMinutes(15).AddSeconds(1), T0.AddMinutes(30), default);
        var formerHolder = await Leases.TryAcquireAsync("Sweep", "node-a", T0.AddMinutes(16), T0.AddMinutes(31), default);

        (whileHeld, atTheEnd, afterTheEnd, formerHolder).ShouldBe((false, false, true, false));
    }

    [Fact]
    public async Task TryAcquire_ByTheHolder_ExtendsIt()
    {
        await Leases.TryAcquireAsync("Sweep", "node-a", T0, T0.AddMinutes(15), default);

        var again = await Leases.TryAcquireAsync("Sweep", "node-a", T0.AddMinutes(10), T0.AddMinutes(25), default);
        var otherAfterFirstTerm = await Leases.TryAcquireAsync("Sweep", "node-b", T0.AddMinutes(20), T0.AddMinutes(35), default);

        again.ShouldBeTrue();
        otherAfterFirstTerm.ShouldBeFalse("the holder's second lease runs to 25 minutes");
    }

    [Fact]
    public async Task Release_ByANonHolder_DoesNothing_ByTheHolder_FreesIt()
    {
        await Leases.TryAcquireAsync("Sweep", "node-a", T0, T0.AddMinutes(15), default);

        await Leases.ReleaseAsync("Sweep", "node-b", default);
        var afterOthersRelease = await Leases.TryAcquireAsync("Sweep", "node-b", T0.AddMinutes(1), T0.AddMinutes(16), default);
        await Leases.ReleaseAsync("Sweep", "node-a", default);
        var afterHoldersRelease = await Leases.TryAcquireAsync("Sweep", "node-b", T0.AddMinutes(2), T0.AddMinutes(17), default);

        afterOthersRelease.ShouldBeFalse();
        afterHoldersRelease.ShouldBeTrue();
    }

    [Fact]
    public async Task TryAcquire_DifferentJobs_AreLeasedApart()
    {
        var sweep = await Leases.TryAcquireAsync("Sweep", "node-a", T0, T0.AddMinutes(15), default);
        var dns = await Leases.TryAcquireAsync("DnsCheck", "node-b", T0, T0.AddMinutes(15), default);

        (sweep, dns).ShouldBe((true, true));
    }
}
