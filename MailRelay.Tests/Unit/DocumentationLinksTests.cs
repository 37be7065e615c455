using System.Text.RegularExpressions;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Unit;

/// <summary>The runbooks are read when something is already wrong: a dead link there costs the most.</summary>
public sealed partial class DocumentationLinksTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        data.Add("README.md");
        data.Add("infra/README.md");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md", SearchOption.AllDirectories).Order())
            data.Add(Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void RelativeLinks_InDocument_PointAtExistingFilesAndHeadings(string document)
    {
        var path = Path.Combine(RepositoryPaths.Root, document);
        var broken = new List<string>();
        foreach (Match link in MarkdownLink().Matches(File.ReadAllText(path)))
        {
            var target = link.Groups[1].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal)) continue;
            var (file, anchor) = target.Split('#', 2) is [var f, var a] ? (f, a) : (target, null);
            var resolved = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, file));
            if (!File.Exists(resolved) && !Directory.Exists(resolved)) broken.Add($"{target}: no such file");
            else if (anchor is not null && !Anchors(resolved).Contains(anchor)) broken.Add($"{target}: no heading #{anchor}");
        }
        broken.ShouldBeEmpty();
    }

    [Fact]
    public void Readme_LinksEveryDeploymentDocument()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        foreach (var doc in new[] { "deployment", "dns", "smtp-clients", "operations", "backup-and-recovery", "architecture", "security" })
            readme.ShouldContain($"(docs/{doc}.md)");
        readme.ShouldContain("(infra/README.md)");
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static HashSet<string> Anchors(string markdown) =>
        File.ReadLines(markdown)
            .Where(line => line.StartsWith('#'))
            .Select(line => line.TrimStart('#').Trim().ToLowerInvariant())
            .Select(text => AnchorPunctuation().Replace(text, "").Replace(' ', '-'))
            .ToHashSet();

    [GeneratedRegex(@"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"[^\w\- ]")]
    private static partial Regex AnchorPunctuation();
}
