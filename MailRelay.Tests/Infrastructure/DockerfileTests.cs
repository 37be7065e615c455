using System.Text.RegularExpressions;
using System.Xml.Linq;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Infrastructure;

/// <summary>No Docker engine runs here, so the Dockerfile's promises are checked by reading it.</summary>
public sealed partial class DockerfileTests
{
    private static readonly Dockerfile File = Dockerfile.Parse(System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Dockerfile")));

    [Fact]
    public void FinalStage_User_IsNotRootAndIsCreatedInTheImage()
    {
        var users = Instructions(File.FinalStage, "USER");
        users.ShouldNotBeEmpty("without USER the container runs as root");
        var user = users[^1].Arguments.Split(':')[0];
        user.ShouldNotBeOneOf("root", "0");
        var creates = Instructions(File.FinalStage, "RUN").Select(r => r.Arguments).ToList();
        creates.ShouldContain(r => r.Contains("useradd", StringComparison.Ordinal) && r.Contains($"--uid {user} ", StringComparison.Ordinal),
            $"the final stage must create the user {user}");
        IndexOf(File.FinalStage, users[^1]).ShouldBeLessThan(IndexOf(File.FinalStage, Instructions(File.FinalStage, "ENTRYPOINT").Single()));
    }

    [Fact]
    public void FinalStage_Port_ListensAndExposes8080()
    {
        Instructions(File.FinalStage, "EXPOSE").Select(e => e.Arguments).ShouldBe(["8080"]);
        var environment = string.Join(' ', Instructions(File.FinalStage, "ENV").Select(e => e.Arguments));
        environment.ShouldContain("ASPNETCORE_HTTP_PORTS=8080");
        environment.ShouldNotContain("ASPNETCORE_URLS", customMessage: "ASPNETCORE_URLS would override the port");
    }

    [Fact]
    public void FinalStage_Base_IsTheAspNetRuntimeOfTheAppsTargetFramework()
    {
        var targetFramework = TargetFramework().Match(System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")));
        targetFramework.Success.ShouldBeTrue("Directory.Build.props names the target framework");
        File.FinalStage[0].Arguments.ShouldStartWith($"mcr.microsoft.com/dotnet/aspnet:{targetFramework.Groups[1].Value}",
            customMessage: "a framework-dependent app runs on the ASP.NET Core runtime it targets");
    }

    [Fact]
    public void BuildStage_Publish_IsFrameworkDependentIntoTheEntrypointFolder()
    {
        var publish = Instructions(File.Stage("build"), "RUN").Select(r => r.Arguments).Single(r => r.StartsWith("dotnet publish", StringComparison.Ordinal));
        publish.ShouldContain("MailRelay.Web/MailRelay.Web.csproj");
        publish.ShouldNotContain("--self-contained", customMessage: "the runtime image carries .NET; a self-contained publish would ship it twice");
        publish.ShouldContain("-c Release");
        publish.ShouldContain("-o /app ");
        Instructions(File.FinalStage, "COPY").ShouldContain(c => c.Arguments.Contains("--from=build", StringComparison.Ordinal) && c.Arguments.EndsWith("/app ./", StringComparison.Ordinal));
        Instructions(File.FinalStage, "ENTRYPOINT").Single().Arguments.ShouldBe("[\"dotnet\", \"/app/MailRelay.Web.dll\"]");
    }

    [Fact]
    public void BuildStage_Copy_EveryProjectTheWebAppNeedsExists()
    {
        var copies = Instructions(File.Stage("build"), "COPY").SelectMany(c => c.Arguments.Split(' ')[..^1]).ToList();
        foreach (var source in copies) Path.Combine(RepositoryPaths.Root, source).ShouldSatisfyAllConditions(
            p => (System.IO.File.Exists(p) || Directory.Exists(p)).ShouldBeTrue($"COPY {source}: not in the repository"));
        foreach (var project in WebProjectClosure())
        {
            copies.ShouldContain($"{project}/{project}.csproj");
            copies.ShouldContain($"{project}/");
        }
    }

    [Fact]
    public void FinalStage_HealthCheck_IsNoneOrUsesAToolTheImageHas()
    {
        var health = Instructions(File.FinalStage, "HEALTHCHECK").Single().Arguments;
        if (health == "NONE") return;
        health.ShouldContain("/healthz");
        var tool = health.Contains("curl", StringComparison.Ordinal) ? "curl" : "wget";
        Instructions(File.FinalStage, "RUN").ShouldContain(r => r.Arguments.Contains($"install", StringComparison.Ordinal) && r.Arguments.Contains(tool, StringComparison.Ordinal),
            $"the runtime image has no {tool}: install it or use HEALTHCHECK NONE");
    }

    /// <summary>MailRelay.Web and every project it references, directly or not.</summary>
    private static IReadOnlyList<string> WebProjectClosure()
    {
        var found = new List<string>();
        var queue = new Queue<string>(["MailRelay.Web"]);
        while (queue.TryDequeue(out var project))
        {
            if (found.Contains(project)) continue;
            found.Add(project);
            var csproj = XDocument.Load(Path.Combine(RepositoryPaths.Root, project, $"{project}.csproj"));
            foreach (var reference in csproj.Descendants("ProjectReference"))
                queue.Enqueue(Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value));
        }
        found.Count.ShouldBeGreaterThan(1);
        return found;
    }

    private static IReadOnlyList<DockerInstruction> Instructions(IReadOnlyList<DockerInstruction> stage, string keyword) =>
        stage.Where(i => i.Keyword == keyword).ToList();

    private static int IndexOf(IReadOnlyList<DockerInstruction> stage, DockerInstruction instruction) =>
        stage.Select((item, index) => (item, index)).First(p => ReferenceEquals(p.item, instruction)).index;

    [GeneratedRegex(@"<MailRelayTargetFramework>net(\d+\.\d+)</MailRelayTargetFramework>")]
    private static partial Regex TargetFramework();
}
