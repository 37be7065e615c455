using System.Reflection;
using MailRelay.Core;

namespace MailRelay.Tests.Support;

/// <summary>
/// How the architecture tests tell Core's parts apart. Adapters are the types in a feature's
/// <c>Adapters</c> folder and the technology plumbing in <c>Infrastructure</c>; ports are the
/// interfaces that adapters, or the Web and Workers hosts (Quartz, Razor), implement; every other Core type is domain or service.
/// </summary>
public static class CoreLayers
{
    public static readonly Assembly Core = typeof(CoreRegistration).Assembly;

    public static readonly Assembly[] Production =
        [Core, typeof(MailRelay.Web.Components.App).Assembly, typeof(MailRelay.Workers.WorkersRegistration).Assembly];

    public static bool IsAdapter(Type type) =>
        type.Namespace is { } ns && ns.StartsWith("MailRelay.Core.", StringComparison.Ordinal)
        && (ns.EndsWith(".Adapters", StringComparison.Ordinal) || ns.StartsWith("MailRelay.Core.Infrastructure", StringComparison.Ordinal));

    public static bool IsPort(Type type) =>
        type.IsInterface && type.Assembly == Core && !IsAdapter(type) && type.Namespace != Configuration
        && ImplementationsOf(type).Any(t => IsAdapter(t) || t.Assembly != Core);

    /// <summary>Options plumbing (every options class implements <c>IPortOptions</c>): not a port.</summary>
    private const string Configuration = "MailRelay.Core.Configuration";

    /// <summary>Core types that are neither adapters nor the root registration: the domain and its services.</summary>
    public static bool IsDomainOrService(Type type) =>
        type.Assembly == Core && type.Namespace is { } ns && ns.StartsWith("MailRelay.Core.", StringComparison.Ordinal) && !IsAdapter(type);

    /// <summary>The concrete production types that implement <paramref name="port"/>.</summary>
    public static IEnumerable<Type> ImplementationsOf(Type port) =>
        Production.SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false } && port.IsAssignableFrom(t));

    /// <summary>Core's source files outside Adapters and Infrastructure folders (and the root registration).</summary>
    public static IEnumerable<string> DomainAndServiceSources() =>
        Directory.EnumerateFiles(RepositoryPaths.CoreSources, "*.cs", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(RepositoryPaths.CoreSources, f).Replace('\\', '/')))
            .Where(f => f.Relative.Contains('/') && !f.Relative.StartsWith("Infrastructure/", StringComparison.Ordinal)
                && !f.Relative.Contains("/Adapters/", StringComparison.Ordinal)
                && !f.Relative.StartsWith("obj/", StringComparison.Ordinal) && !f.Relative.StartsWith("bin/", StringComparison.Ordinal))
            .Select(f => f.Full);
}
