using System.Reflection;
using MailRelay.Core.Inbound;
using MailRelay.Tests.Support;
using MailRelay.Web.Components;
using Microsoft.AspNetCore.Components;

namespace MailRelay.Tests.Unit;

/// <summary>
/// The layers: pages and endpoints call Core services only, never a port or an adapter; Core
/// services reach technology only through ports. What a type is given (constructor parameters,
/// injected properties, handler parameters) is what these tests read.
/// </summary>
public sealed class LayeringTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Assembly Web = typeof(App).Assembly;

    [Fact]
    public void WebTypes_AreGivenNoPortAndNoAdapter()
    {
        var offenders = Web.GetTypes().SelectMany(type => Given(type).Where(IsPortOrAdapter).Select(given => $"{Name(type)} is given {given.FullName}")).Distinct().ToList();
        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void CoreServices_AreGivenNoAdapter()
    {
        var services = CoreLayers.Core.GetTypes().Where(CoreLayers.IsDomainOrService).ToList();
        services.ShouldNotBeEmpty();
        var offenders = services.SelectMany(type => Given(type).Where(CoreLayers.IsAdapter).Select(given => $"{Name(type)} is given {given.FullName}")).Distinct().ToList();
        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void Given_APageInjectingTheStore_AndAHandlerTakingAnAdapter_AreBothSeen()
    {
        Given(typeof(PageInjectingTheStore)).ShouldContain(typeof(IMessageStore));
        Given(typeof(HandlerTakingAnAdapter)).Where(IsPortOrAdapter).ShouldContain(typeof(MailRelay.Core.Notifications.Adapters.OutboxFolder));
    }

    /// <summary>Constructor and method parameters (minimal API handlers, lambdas included) and [Inject] properties.</summary>
    private static IEnumerable<Type> Given(Type type)
    {
        var parameters = type.GetConstructors(Declared).Cast<MethodBase>().Concat(type.GetMethods(Declared))
            .SelectMany(m => m.GetParameters()).Select(p => p.ParameterType);
        var injected = type.GetProperties(Declared).Where(p => p.IsDefined(typeof(InjectAttribute))).Select(p => p.PropertyType);
        return parameters.Concat(injected).SelectMany(Flatten);
    }

    private static bool IsPortOrAdapter(Type type) => CoreLayers.IsAdapter(type) || CoreLayers.IsPort(type);

    private static IEnumerable<Type> Flatten(Type type) =>
        type.HasElementType ? Flatten(type.GetElementType()!)
        : type.IsGenericType ? type.GetGenericArguments().SelectMany(Flatten).Prepend(type)
        : [type];

    private static string Name(Type type) => type.DeclaringType is { } outer ? $"{Name(outer)}+{type.Name}" : type.FullName ?? type.Name;

    private sealed class PageInjectingTheStore
    {
        [Inject] private IMessageStore Store { get; set; } = null!;
    }

    private static class HandlerTakingAnAdapter
    {
        public static void Handle(MailRelay.Core.Notifications.Adapters.OutboxFolder folder) { }
    }
}
