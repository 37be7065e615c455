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

    /// <summary>The composition module both environments call: where the modules are wired together.</summary>
    private TerraformModule Stack => Tree.Module("modules/mailrelay");

    [Fact]
    public void Infra_Parsed_HasEveryModuleAndBothEnvironments()
    {
        Tree.Modules.Keys.Order().ShouldBe(
        [
            "envs/prod", "envs/test", "modules/app_runner", "modules/app_secrets", "modules/cognito", "modules/dynamodb",
            "modules/ecr", "modules/inbound_pipeline", "modules/kms", "modules/mailrelay", "modules/monitoring", "modules/notifier",
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
    public void Environments_TestAndProd_CallOnlyTheStackAndPassEveryInputThrough()
    {
        var test = Tree.Module("envs/test");
        foreach (var env in Environments)
        {
            var module = Tree.Module(env);
            module.ModuleCalls.Keys.ShouldBe(["mailrelay"], env);
            Tree.Callee(module, "mailrelay").ShouldBeSameAs(Stack, env);
            foreach (var variable in module.Variables.Keys)
                module.ModuleCall("mailrelay").Text(variable).ShouldBe($"${{var.{variable}}}", $"{env} var.{variable}");
        }
        test.ModuleCall("mailrelay").AttributeNames.Order().ShouldBe(Prod.ModuleCall("mailrelay").AttributeNames.Order());
        test.Variables.Keys.Order().ShouldBe(Prod.Variables.Keys.Order());
        Prod.Locals["environment"].GetString().ShouldBe("prod");
        test.Locals["environment"].GetString().ShouldBe("test");
    }

    [Fact]
    public void Environments_Outputs_PassThroughEveryOutputOfTheStack()
    {
        Stack.Outputs.ShouldNotBeEmpty();
        foreach (var env in Environments)
        {
            var outputs = Tree.Module(env).Outputs;
            outputs.Keys.Order().ShouldBe(Stack.Outputs.Keys.Order(), env);
            foreach (var name in Stack.Outputs.Keys)
                outputs[name].Text("value").ShouldBe($"${{module.mailrelay.{name}}}", $"{env} {name}");
        }
    }

    [Fact]
    public void Stack_Outputs_TheAppSettings()
    {
        var outputs = Stack.Outputs;
        outputs["table_name"].Text("value").ShouldBe("${module.dynamodb.table_name}");
        outputs["bucket_name"].Text("value").ShouldBe("${module.storage.bucket_name}");
        outputs["inbound_queue_url"].Text("value").ShouldBe("${module.inbound_pipeline.queue_url}");
        outputs["inbound_dlq_url"].Text("value").ShouldBe("${module.inbound_pipeline.dlq_url}");
        outputs["outbound_events_queue_url"].Text("value").ShouldBe("${module.outbound_events.queue_url}");
        outputs["secrets_kms_key_id"].Text("value").ShouldBe("${module.kms.key_id}");
        outputs["cognito_issuer"].Text("value").ShouldBe("${module.cognito.issuer}");
        outputs["cognito_client_id"].Text("value").ShouldBe("${module.cognito.client_id}");
        outputs["ecr_repository_url"].Text("value").ShouldBe("${module.ecr.repository_url}");
        outputs["app_runner_service_arn"].Text("value").ShouldBe("${module.app_runner.service_arn}");
    }

    [Fact]
    public void KmsKey_Secrets_RotatesYearly()
    {
        Tree.Module("modules/kms").Resource("aws_kms_key", "secrets").Bool("enable_key_rotation").ShouldBe(true);
    }

    /// <summary>The source text of an app file, for checks that the infrastructure and the app agree.</summary>
    private static string AppSource(params string[] path) => File.ReadAllText(Path.Combine([RepositoryPaths.Root, .. path]));
}
