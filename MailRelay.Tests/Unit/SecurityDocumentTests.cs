using System.Reflection;
using System.Text.RegularExpressions;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Unit;

/// <summary>docs/security.md names the test behind each requirement: a renamed or deleted test must not leave a claim behind.</summary>
public sealed partial class SecurityDocumentTests
{
    [Fact]
    public void SecurityMd_EveryTestItNames_Exists()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "security.md"));
        var named = TestName().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
        var types = typeof(SecurityDocumentTests).Assembly.GetTypes().ToLookup(t => t.Name);

        named.Count.ShouldBeGreaterThan(100);
        named.Where(n => !Exists(n, types)).ShouldBeEmpty();
    }

    private static bool Exists(string name, ILookup<string, Type> types)
    {
        var (type, method) = name.Split('.') is [var t, var m] ? (t, m) : (name, null);
        return types[type].Any(t => method is null
            || t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy).Any(x => x.Name == method));
    }

    [GeneratedRegex(@"`([A-Z][A-Za-z0-9]*(?:Tests|Contract)(?:\.[A-Za-z0-9_]+)?)`")]
    private static partial Regex TestName();
}
