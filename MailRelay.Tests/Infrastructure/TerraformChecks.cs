using System.Text.RegularExpressions;

namespace MailRelay.Tests.Infrastructure;

/// <summary>
/// What <c>terraform validate</c> would refuse about how modules fit together, checked on the
/// parsed files. Each check returns one sentence per problem (empty = fine).
/// </summary>
public static partial class TerraformChecks
{
    /// <summary>Arguments of a module call that are Terraform's, not the module's variables.</summary>
    private static readonly HashSet<string> MetaArguments = ["source", "version", "providers", "depends_on", "count", "for_each"];

    public static IReadOnlyList<string> All(TerraformTree tree) =>
    [
        .. MissingModuleSources(tree), .. UndeclaredModuleArguments(tree), .. MissingRequiredArguments(tree),
        .. UndeclaredVariableReferences(tree), .. UndeclaredLocalReferences(tree), .. UnknownModuleOutputReferences(tree),
        .. UnusedVariables(tree),
    ];

    public static IEnumerable<string> MissingModuleSources(TerraformTree tree) =>
        from module in tree.Modules.Values
        from call in module.ModuleCalls
        where tree.Resolve(module, call.Value.Text("source")) is null
        select $"{module.Folder}: module \"{call.Key}\" source {call.Value.Text("source")} is not a folder of .tf files";

    public static IEnumerable<string> UndeclaredModuleArguments(TerraformTree tree) =>
        from module in tree.Modules.Values
        from call in module.ModuleCalls
        let callee = tree.Resolve(module, call.Value.Text("source"))
        where callee is not null
        from argument in call.Value.AttributeNames
        where !MetaArguments.Contains(argument) && !callee.Variables.ContainsKey(argument)
        select $"{module.Folder}: module \"{call.Key}\" passes {argument}, which {callee.Folder} does not declare";

    public static IEnumerable<string> MissingRequiredArguments(TerraformTree tree) =>
        from module in tree.Modules.Values
        from call in module.ModuleCalls
        let callee = tree.Resolve(module, call.Value.Text("source"))
        where callee is not null
        from variable in callee.Variables
        where !variable.Value.Has("default") && !call.Value.Has(variable.Key)
        select $"{module.Folder}: module \"{call.Key}\" does not pass {variable.Key}, which {callee.Folder} requires";

    public static IEnumerable<string> UndeclaredVariableReferences(TerraformTree tree) =>
        from module in tree.Modules.Values
        from name in References(module, VariableReference())
        where !module.Variables.ContainsKey(name)
        select $"{module.Folder}: var.{name} is used but not declared";

    /// <summary>A declared but unused variable is a setting that silently does nothing (what tflint calls unused declarations).</summary>
    public static IEnumerable<string> UnusedVariables(TerraformTree tree) =>
        from module in tree.Modules.Values
        let used = References(module, VariableReference()).ToHashSet()
        from variable in module.Variables.Keys
        where !used.Contains(variable)
        select $"{module.Folder}: variable {variable} is declared but never used";

    public static IEnumerable<string> UndeclaredLocalReferences(TerraformTree tree) =>
        from module in tree.Modules.Values
        from name in References(module, LocalReference())
        where !module.Locals.ContainsKey(name)
        select $"{module.Folder}: local.{name} is used but not declared";

    public static IEnumerable<string> UnknownModuleOutputReferences(TerraformTree tree)
    {
        foreach (var module in tree.Modules.Values)
        {
            var used = module.Strings().Where(IsExpression)
                .SelectMany(s => ModuleOutputReference().Matches(s))
                .Select(m => (Call: m.Groups[1].Value, Output: m.Groups[2].Value))
                .Distinct();
            foreach (var (call, output) in used)
            {
                if (!module.ModuleCalls.TryGetValue(call, out var body))
                {
                    yield return $"{module.Folder}: module.{call}.{output} names a module that is not called here";
                    continue;
                }
                var callee = tree.Resolve(module, body.Text("source"));
                if (callee is not null && !callee.Outputs.ContainsKey(output))
                    yield return $"{module.Folder}: module.{call}.{output} is not an output of {callee.Folder}";
            }
        }
    }

    private static IEnumerable<string> References(TerraformModule module, Regex pattern) =>
        module.Strings().Where(IsExpression).SelectMany(s => pattern.Matches(s)).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>hcl2json writes every non-literal expression as "${...}"; plain strings (descriptions) are not code.</summary>
    private static bool IsExpression(string value) => value.Contains("${", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<![\w.])var\.([A-Za-z_][\w-]*)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"(?<![\w.])local\.([A-Za-z_][\w-]*)")]
    private static partial Regex LocalReference();

    /// <summary><c>module.name.output</c>, also of a module with count or for_each: <c>module.name[0].output</c>, <c>module.name[*].output</c>.</summary>
    [GeneratedRegex(@"(?<![\w.])module\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?\.([A-Za-z_][\w-]*)")]
    private static partial Regex ModuleOutputReference();
}
