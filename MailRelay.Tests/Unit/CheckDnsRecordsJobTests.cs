using MailRelay.Core.Adapters.Local;
using MailRelay.Core.Domain;
using MailRelay.Core.Services.DnsRecords;
using MailRelay.Tests.Support;
using MailRelay.Workers;
using MailRelay.Workers.Hosting;
using MailRelay.Workers.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Quartz;

namespace MailRelay.Tests.Unit;

public sealed class CheckDnsRecordsJobTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private FakeDohEndpoint _dns = null!;
    private SqliteRelayStore _store = null!;

    public async Task InitializeAsync()
    {
        _dns = await FakeDohEndpoint.StartAsync();
        _store = new SqliteRelayStore(new SqliteDatabase(Path.Combine(_data.Path, "mailrelay.db")));
        await _store.InitializeAsync(default);
    }

    public async Task DisposeAsync()
    {
        await _dns.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    [Fact]
    public async Task Execute_ListedDomains_KeepsEachDomainsReportForThePage()
    {
        _dns.PublishAll();
        var time = new FakeTimeProvider();
        await _store.AddDomainAsync(new MailDomain(DnsTestZone.Domain, "admin", time.GetUtcNow()), default);
        var options = Microsoft.Extensions.Options.Options.Create(DnsTestZone.Options(_dns.ResolverUrl));
        var results = new DnsCheckResults();
        var checker = new DnsChecker(_dns.CreateResolver(), new RecordPlanner(options), _store, results, time, options, NullLogger<DnsChecker>.Instance);

        await new CheckDnsRecordsJob(checker, NullLogger<CheckDnsRecordsJob>.Instance).Execute(Substitute.For<IJobExecutionContext>());

        var report = results.For(DnsTestZone.Domain).ShouldNotBeNull();
        report.CheckedAt.ShouldBe(time.GetUtcNow());
        report.AllOk.ShouldBeTrue();
    }

    [Fact]
    public void AddMailRelayWorkers_CheckIntervalSetting_SchedulesTheCheckAtThatIntervalNotAtStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Dns:CheckInterval"] = "12:00:00" });

        builder.AddMailRelayWorkers();

        var schedule = builder.Services.Where(d => d.ImplementationInstance is JobSchedule { JobType: var t } && t == typeof(CheckDnsRecordsJob))
            .Select(d => (JobSchedule)d.ImplementationInstance!).Single();
        var trigger = (Quartz.Impl.Triggers.SimpleTriggerImpl)schedule.Trigger(TriggerBuilder.Create()).Build();
        trigger.RepeatInterval.ShouldBe(TimeSpan.FromHours(12));
        trigger.StartTimeUtc.ShouldBeGreaterThan(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(4));
    }
}
