using System.Reflection;
using System.Text.RegularExpressions;
using MailRelay.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace MailRelay.Tests.Components;

/// <summary>Every routable page of the app has bUnit tests: a test file in this folder renders it.</summary>
public sealed partial class PageTestCoverageTests
{
    [Fact]
    public void EveryPage_IsRenderedByABunitTest()
    {
        var pages = typeof(MailRelay.Web.Components.Routes).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes<RouteAttribute>().Any())
            .Select(t => t.Name)
            .ToList();
        pages.Count.ShouldBeGreaterThan(10, "the page types were not found");

        var folder = Path.Combine(RepositoryPaths.Root, "MailRelay.Tests", "Components");
        var rendered = Directory.EnumerateFiles(folder, "*.cs")
            .SelectMany(file => RenderCall().Matches(File.ReadAllText(file)).Select(m => m.Groups["type"].Value))
            .ToHashSet();

        pages.Where(page => !rendered.Contains(page)).ShouldBeEmpty("pages with no bUnit test rendering them");
    }

    [GeneratedRegex(@"Render<(?<type>\w+)>")]
    private static partial Regex RenderCall();
}
