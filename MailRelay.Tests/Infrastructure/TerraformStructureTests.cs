using MailRelay.Tests.Support;

namespace MailRelay.Tests.Infrastructure;

/// <summary>
/// infra/ parsed with Terraform's HCL parser and checked for what a deploy depends on: modules fit
/// together, and the security and recovery settings the design promises are really there.
/// </summary>
public sealed partial class TerraformStructureTests(TerraformFixture terraform) : IClassFixture<TerraformFixture>
{
    private static readonly string[] Environments = ["envs/test", "envs/prod"];

    private TerraformTree Tree => terraform.Tree;

    private TerraformModule Prod => Tree.Module("envs/prod");

    [Fact]
    public void Infra_Parsed_HasEveryModuleAndBothEnvironments()
    {
        Tree.Modules.Keys.Order().ShouldBe(
        [
            "envs/prod", "envs/test", "modules/app_runner", "modules/app_secrets", "modules/cognito", "modules/dynamodb",
            "modules/ecr", "modules/inbound_pipeline", "modules/kms", "modules/monitoring", "modules/notifier",
            "modules/outbound_events", "modules/ses_domain", "modules/sns_sqs_queue", "modules/storage",
        ]);
    }

    [Fact]
    public void Modules_Wired_EverySourceArgumentVariableLocalAndOutputExists()
    {
        TerraformChecks.All(Tree).ShouldBeEmpty();
    }

    [Fact]
    public void Modules_Wired_EveryModuleIsUsed()
    {
        var called = Tree.Modules.Values
            .SelectMany(m => m.ModuleCalls.Values.Select(call => Tree.Resolve(m, call.Text("source"))?.Folder))
            .ToHashSet();
        Tree.Modules.Keys.Where(k => k.StartsWith("modules/", StringComparison.Ordinal) && !called.Contains(k)).ShouldBeEmpty();
    }

    [Fact]
    public void Environments_TestAndProd_CallTheSameModulesWithTheSameArguments()
    {
        var test = Tree.Module("envs/test");
        test.ModuleCalls.Keys.Order().ShouldBe(Prod.ModuleCalls.Keys.Order());
        foreach (var (name, call) in Prod.ModuleCalls)
        {
            call.Text("source").ShouldBe(test.ModuleCall(name).Text("source"));
            call.AttributeNames.Order().ShouldBe(test.ModuleCall(name).AttributeNames.Order(), $"module \"{name}\"");
        }
        test.Variables.Keys.Order().ShouldBe(Prod.Variables.Keys.Order());
    }

    [Fact]
    public void Environments_Outputs_TheAppSettings()
    {
        foreach (var env in Environments)
        {
            var outputs = Tree.Module(env).Outputs;
            outputs["table_name"].Text("value").ShouldBe("${module.dynamodb.table_name}", env);
            outputs["bucket_name"].Text("value").ShouldBe("${module.storage.bucket_name}", env);
            outputs["inbound_queue_url"].Text("value").ShouldBe("${module.inbound_pipeline.queue_url}", env);
            outputs["outbound_events_queue_url"].Text("value").ShouldBe("${module.outbound_events.queue_url}", env);
            outputs["secrets_kms_key_id"].Text("value").ShouldBe("${module.kms.key_id}", env);
            outputs["cognito_issuer"].Text("value").ShouldBe("${module.cognito.issuer}", env);
            outputs["cognito_client_id"].Text("value").ShouldBe("${module.cognito.client_id}", env);
            outputs["ecr_repository_url"].Text("value").ShouldBe("${module.ecr.repository_url}", env);
        }
    }

    [Fact]
    public void KmsKey_Secrets_RotatesYearly()
    {
        Tree.Module("modules/kms").Resource("aws_kms_key", "secrets").Bool("enable_key_rotation").ShouldBe(true);
    }

    /// <summary>The source text of an app file, for checks that the infrastructure and the app agree.</summary>
    private static string AppSource(params string[] path) => File.ReadAllText(Path.Combine([RepositoryPaths.Root, .. path]));
}
