using MailRelay.Core.Audit;
using MailRelay.Core.Cluster;
using MailRelay.Core.Domains;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound;
using MailRelay.Core.Metrics;
using MailRelay.Core.Outbound;
using MailRelay.Core.Routing;
using MailRelay.Core.Smtp;
using MailRelay.Core.Storage;
using MailRelay.Core.Users;
using NSubstitute;

namespace MailRelay.Tests.Support;

/// <summary>A substitute for every store port, for tests that count the calls a service makes to the store.</summary>
public static class StorePortSubstitutes
{
    public static StorePorts Create() => new(
        Substitute.For<IUserStore>(), Substitute.For<IAuditStore>(), Substitute.For<IMessageStore>(), Substitute.For<IDeliveryStore>(),
        Substitute.For<IRouteStore>(), Substitute.For<IGmailConnectionStore>(), Substitute.For<ISmtpUserStore>(), Substitute.For<IUsageStore>(),
        Substitute.For<IMetricPointStore>(), Substitute.For<IDomainStore>(), Substitute.For<IStoreSchema>(),
        Substitute.For<IJobLeases>(), GrantingAllowance());

    /// <summary>An allowance that grants whatever is asked, so forwarding never waits on a substitute.</summary>
    private static IImportAllowance GrantingAllowance()
    {
        var allowance = Substitute.For<IImportAllowance>();
        allowance.ReserveAsync(default!, default, default, default, default).ReturnsForAnyArgs(call =>
            new ImportGrant(call.ArgAt<int>(1), ImportWindow.StartOf(call.ArgAt<DateTimeOffset>(3)) + ImportWindow.Length));
        return allowance;
    }

    /// <summary>How many calls the substitutes received, over every port.</summary>
    public static int CallsReceived(this StorePorts ports) => All(ports).Sum(port => port.ReceivedCalls().Count());

    public static void ClearCalls(this StorePorts ports)
    {
        foreach (var port in All(ports)) port.ClearReceivedCalls();
    }

    private static object[] All(StorePorts p) => [p.Users, p.Audit, p.Messages, p.Deliveries, p.Routes, p.Gmail, p.SmtpUsers, p.Usage, p.Metrics, p.Domains, p.Schema, p.JobLeases, p.ImportAllowance];
}
