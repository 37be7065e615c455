namespace MailRelay.Tests.Infrastructure;

/// <summary>A Dockerfile read as instructions (continuation lines joined, comments dropped), split into stages.</summary>
public sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<IReadOnlyList<DockerInstruction>> stages) => Stages = stages;

    /// <summary>Each stage's instructions, its FROM first.</summary>
    public IReadOnlyList<IReadOnlyList<DockerInstruction>> Stages { get; }

    public IReadOnlyList<DockerInstruction> FinalStage => Stages[^1];

    public IReadOnlyList<DockerInstruction> Stage(string name) =>
        Stages.SingleOrDefault(s => s[0].Arguments.EndsWith($" AS {name}", StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No stage named {name}.");

    public static Dockerfile Parse(string text)
    {
        var instructions = new List<DockerInstruction>();
        var pending = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#'))) continue;
            if (line.StartsWith('#')) continue;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }
            var whole = (pending + line).Trim();
            pending = "";
            var space = whole.IndexOf(' ');
            instructions.Add(space < 0
                ? new DockerInstruction(whole.ToUpperInvariant(), "")
                : new DockerInstruction(whole[..space].ToUpperInvariant(), whole[(space + 1)..].Trim()));
        }
        var stages = new List<IReadOnlyList<DockerInstruction>>();
        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == "FROM") stages.Add(new List<DockerInstruction> { instruction });
            else if (stages.Count == 0) throw new FormatException($"{instruction.Keyword} before the first FROM.");
            else ((List<DockerInstruction>)stages[^1]).Add(instruction);
        }
        return new Dockerfile(stages);
    }
}
