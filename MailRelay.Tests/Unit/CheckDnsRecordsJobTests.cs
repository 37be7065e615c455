using MailRelay.Core.Cluster;
using MailRelay.Core.Common;
using MailRelay.Core.Domains;
using MailRelay.Tests.Support;
using MailRelay.Workers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace MailRelay.Tests.Unit;

public sealed class CheckDnsRecordsJobTests : DnsZoneTest
{
    [Fact]
    public async Task Execute_ListedDomains_KeepsEachDomainsReportInTheStoreForEveryInstancesPage()
    {
        Zone.PublishAll();
        var time = new FakeTimeProvider(TestClock.Start);
        await Store.Domains.AddDomainAsync(new MailDomain(DnsTestZone.Domain, "admin", time.GetUtcNow()), default);
        var options = Microsoft.Extensions.Options.Options.Create(DnsTestZone.Options(Zone.ResolverUrl));
        var checker = new DnsChecker(Zone.CreateResolver(), new RecordPlanner(options), Store.Domains, new RelayEvents(), time, options, NullLogger<DnsChecker>.Instance);

        await BackgroundJobs.RunAsync(checker, cluster: new ClusterOnceRuns(Store.JobLeases, new ClusterInstance(), time));

        var report = (await Store.Domains.ListCheckReportsAsync(default)).ShouldHaveSingleItem();
        report.CheckedAt.ShouldBe(time.GetUtcNow());
        report.AllOk.ShouldBeTrue();
    }

    [Fact]
    public async Task AddMailRelayWorkers_CheckIntervalSetting_SchedulesTheCheckAtThatIntervalNotAtStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Dns:CheckInterval"] = "12:00:00" });

        builder.AddMailRelayWorkers();

        using var host = builder.Build();
        // Built but not started: the scheduler holds its triggers and fires nothing.
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        try
        {
            var trigger = (ISimpleTrigger)(await scheduler.GetTrigger(new TriggerKey($"{nameof(DnsChecker)}.trigger"))).ShouldNotBeNull();
            trigger.JobKey.ShouldBe(new JobKey(nameof(DnsChecker)));
            trigger.RepeatInterval.ShouldBe(TimeSpan.FromHours(12));
            trigger.StartTimeUtc.ShouldBeGreaterThan(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(4));
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: false);
        }
    }
}
