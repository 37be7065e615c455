using System.Reflection;
using System.Text.RegularExpressions;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Unit;

/// <summary>Core outside its Adapters and Infrastructure folders (the domain and its services) stays free of SDKs, databases and ASP.NET, so adapters can be swapped.</summary>
public partial class ArchitectureTests
{
    private static readonly string[] ForbiddenPrefixes = ["Amazon", "Google", "Microsoft.Data.Sqlite", "Microsoft.AspNetCore"];

    [Fact]
    public void DomainAndServicesSources_ReferenceNoAdapterTechnology()
    {
        var files = CoreLayers.DomainAndServiceSources().ToList();
        files.ShouldNotBeEmpty();
        var offenders = files.SelectMany(f => ForbiddenReferences(File.ReadAllText(f)).Select(r => $"{Path.GetFileName(f)}: {r}")).ToList();
        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void DomainAndServicesTypes_ExposeNoAdapterTechnologyInSignatures()
    {
        var types = CoreLayers.Core.GetTypes().Where(CoreLayers.IsDomainOrService).ToList();
        types.ShouldNotBeEmpty();
        var offenders = types.SelectMany(t => SignatureTypes(t).Where(IsForbidden).Select(u => $"{t.Name} uses {u.FullName}")).ToList();
        offenders.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("using Amazon.S3;")]
    [InlineData("var x = new Microsoft.Data.Sqlite.SqliteConnection();")]
    [InlineData("using Microsoft.AspNetCore.Http;")]
    [InlineData("using static Google.Apis.Auth.OAuth2.GoogleCredential;")]
    public void ForbiddenReferences_SourceWithAdapterTechnology_IsCaught(string source) =>
        ForbiddenReferences(source).ShouldNotBeEmpty();

    [Fact]
    public void ForbiddenReferences_PlainSource_IsClean() =>
        ForbiddenReferences("using MailRelay.Core.Gmail;\n// mentions Amazon in a comment only\nvar google = 1;").ShouldBeEmpty();

    private static IEnumerable<string> ForbiddenReferences(string source) =>
        QualifiedName().Matches(StripComments(source)).Select(m => m.Value)
            .Where(name => ForbiddenPrefixes.Any(p => name == p || name.StartsWith(p + ".", StringComparison.Ordinal)));

    private static string StripComments(string source) => Comment().Replace(source, "");

    private static bool IsForbidden(Type type) =>
        type.Namespace is { } ns && ForbiddenPrefixes.Any(p => ns == p || ns.StartsWith(p + ".", StringComparison.Ordinal));

    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var direct = new List<Type?> { type.BaseType };
        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(all).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info) direct.Add(info.ReturnType);
            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
        }
        return direct.OfType<Type>().SelectMany(Flatten);
    }

    private static IEnumerable<Type> Flatten(Type type) =>
        type.HasElementType ? Flatten(type.GetElementType()!)
        : type.IsGenericType ? type.GetGenericArguments().SelectMany(Flatten).Prepend(type.GetGenericTypeDefinition())
        : [type];

    [GeneratedRegex(@"(?<![\w.])[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)+")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
