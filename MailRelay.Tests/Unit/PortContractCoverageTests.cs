using System.Reflection;
using MailRelay.Core.Domains;
using MailRelay.Core.Inbound;
using MailRelay.Core.Metrics;
using MailRelay.Core.Smtp;
using MailRelay.Core.Storage;
using MailRelay.Tests.Contracts;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Unit;

/// <summary>
/// Every port with two or more production adapters has a contract (<c>{Port}Contract</c>, the port's
/// name without its leading I) and every one of those adapters a test class <c>{Adapter}ContractTests</c>
/// that inherits it, so no adapter is added without passing the same tests as its siblings.
/// </summary>
public sealed class PortContractCoverageTests
{
    private static readonly Assembly Tests = typeof(BlobStoreContract).Assembly;

    [Fact]
    public void EveryPortWithTwoAdapters_HasAContract_AndEveryAdapterAContractTestClass()
    {
        var missing = PortsWithTwoOrMoreAdapters().SelectMany(p => Missing(p.Port, p.Adapters)).ToList();

        missing.ShouldBeEmpty("missing contract tests:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void PortsWithTwoOrMoreAdapters_IncludesOnesKnownToHaveTwo()
    {
        var ports = PortsWithTwoOrMoreAdapters().ToDictionary(p => p.Port, p => p.Adapters.Select(a => a.Name).Order(StringComparer.Ordinal).ToList());

        ports[typeof(IBlobStore)].ShouldBe(["FolderBlobStore", "S3BlobStore"]);
        ports[typeof(IMetricsPublisher)].ShouldBe(["DiscardingMetricsPublisher", "EmfMetricsPublisher"]);
        ports[typeof(ISmtpProvisioningScheduler)].ShouldBe(["NoSmtpProvisioningScheduler", "QuartzSmtpProvisioningScheduler"]);
        ports[typeof(IMessageStore)].ShouldContain(a => a.StartsWith("Sqlite", StringComparison.Ordinal));
        ports[typeof(IMessageStore)].ShouldContain(a => a.StartsWith("DynamoDb", StringComparison.Ordinal));
        ports.ShouldNotContainKey(typeof(IDnsResolver), "one adapter: nothing to keep alike");
    }

    [Fact]
    public void Missing_PortWithoutContract_NamesTheContractAndEachTestClassToAdd()
    {
        Missing(typeof(IDnsResolver), [typeof(MailRelay.Core.Domains.Adapters.DohDnsResolver)]).ShouldBe([
            "IDnsResolver: no abstract class DnsResolverContract",
            "IDnsResolver: no class DohDnsResolverContractTests deriving from DnsResolverContract",
        ]);
        Missing(typeof(IBlobStore), [typeof(MailRelay.Core.Storage.Adapters.FolderBlobStore), typeof(MailRelay.Core.Storage.Adapters.S3BlobStore)]).ShouldBeEmpty();
    }

    /// <summary>Ports and their non-abstract production implementations, direct or through another interface.</summary>
    private static IEnumerable<(Type Port, List<Type> Adapters)> PortsWithTwoOrMoreAdapters()
    {
        return CoreLayers.Core.GetTypes().Where(CoreLayers.IsPort)
            .Select(port => (Port: port, Adapters: CoreLayers.ImplementationsOf(port).ToList()))
            .Where(p => p.Adapters.Count >= 2)
            .OrderBy(p => p.Port.Name, StringComparer.Ordinal);
    }

    private static IEnumerable<string> Missing(Type port, IEnumerable<Type> adapters)
    {
        var contractName = port.Name[1..] + "Contract";
        var testTypes = LoadableTypes(Tests).ToList();
        var contract = testTypes.SingleOrDefault(t => t is { IsClass: true, IsAbstract: true } && t.Name == contractName);
        if (contract is null) yield return $"{port.Name}: no abstract class {contractName}";
        foreach (var adapter in adapters)
        {
            var testName = adapter.Name + "ContractTests";
            if (!testTypes.Any(t => t is { IsClass: true, IsAbstract: false } && t.Name == testName && contract is not null && t.IsSubclassOf(contract)))
                yield return $"{port.Name}: no class {testName} deriving from {contractName}";
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
