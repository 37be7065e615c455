using MailRelay.Tests.Support;

namespace MailRelay.Tests.Unit;

/// <summary>A port small enough to read and to fake: one aggregate or one technology's job, not everything.</summary>
public sealed class PortSizeTests
{
    private const int MostMembers = 15;

    [Fact]
    public void EveryPort_HasAtMostFifteenMembers()
    {
        var ports = CoreLayers.Core.GetTypes().Where(CoreLayers.IsPort).ToList();
        ports.Count.ShouldBeGreaterThan(20, "the ports are found");

        var tooBig = ports.Where(p => MembersOf(p) > MostMembers).Select(p => $"{p.Name}: {MembersOf(p)} members").ToList();

        tooBig.ShouldBeEmpty();
    }

    [Fact]
    public void MembersOf_CountsInheritedMembers_AndPropertiesOnce()
    {
        MembersOf(typeof(IWide)).ShouldBe(3);
    }

    /// <summary>Methods (property accessors not counted twice), properties and events, inherited ones included.</summary>
    private static int MembersOf(Type port) =>
        port.GetInterfaces().Append(port).Sum(i =>
            i.GetMethods().Count(m => !m.IsSpecialName) + i.GetProperties().Length + i.GetEvents().Length);

    private interface INarrow
    {
        Task RunAsync(CancellationToken cancellationToken);
    }

    private interface IWide : INarrow
    {
        string Name { get; }

        Task StopAsync(CancellationToken cancellationToken);
    }
}
