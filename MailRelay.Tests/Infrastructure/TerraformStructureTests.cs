using MailRelay.Tests.Support;

namespace MailRelay.Tests.Infrastructure;

/// <summary>
/// infra/ parsed with Terraform's HCL parser and checked for what a deploy depends on: modules fit
/// together, and the security and recovery settings the design promises are really there.
/// </summary>
public sealed partial class TerraformStructureTests(TerraformFixture terraform) : IClassFixture<TerraformFixture>
{
    private TerraformTree Tree => terraform.Tree;

    /// <summary>The one root module every environment applies, with its own variable and backend files.</summary>
    private TerraformModule Root => Tree.Module("root");

    private HclBody Prod => Tree.Environment("prod");

    /// <summary>The composition module the root calls: where the modules are wired together.</summary>
    private TerraformModule Stack => Tree.Module("modules/mailrelay");

    [Fact]
    public void Infra_Parsed_HasEveryModuleAndBothEnvironments()
    {
        Tree.Environments.Keys.Order().ShouldBe(["prod", "test"]);
        Tree.Modules.Keys.Order().ShouldBe(
        [
            "modules/app_runner", "modules/app_runtime", "modules/app_secrets", "modules/cognito", "modules/dynamodb",
            "modules/ecr", "modules/ecs_service", "modules/inbound_pipeline", "modules/kms", "modules/mailrelay", "modules/monitoring", "modules/notifier",
            "modules/outbound_events", "modules/ses_domain", "modules/sns_sqs_queue", "modules/storage", "root",
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
    public void Root_CallsOnlyTheStack_AndPassesEveryInputThrough()
    {
        Root.ModuleCalls.Keys.ShouldBe(["mailrelay"]);
        Tree.Callee(Root, "mailrelay").ShouldBeSameAs(Stack);
        var call = Root.ModuleCall("mailrelay");
        call.AttributeNames.Where(name => name != "source").Order().ShouldBe(Root.Variables.Keys.Order());
        foreach (var variable in Root.Variables.Keys)
            call.Text(variable).ShouldBe($"${{var.{variable}}}", variable);
    }

    [Fact]
    public void Environments_EachFile_StatesEveryInputButTheSecret_AndNothingElse()
    {
        foreach (var (name, file) in Tree.Environments)
        {
            file.Text("environment").ShouldBe(name);
            file.AttributeNames.Except(Root.Variables.Keys).ShouldBeEmpty($"envs/{name}.tfvars sets inputs the root does not declare");
            var required = Root.Variables.Where(v => !v.Value.Has("default") && v.Value.Bool("sensitive") != true).Select(v => v.Key);
            required.Except(file.AttributeNames).ShouldBeEmpty($"envs/{name}.tfvars leaves required inputs unset");
        }
        Tree.Environment("test").AttributeNames.Order().ShouldBe(Prod.AttributeNames.Order());
        Root.Variables["google_client_secret"].Bool("sensitive").ShouldBe(true);
        Tree.Environments.Values.ShouldAllBe(file => !file.Has("google_client_secret"));
    }

    [Fact]
    public void Environments_EachHasItsOwnState()
    {
        foreach (var name in Tree.Environments.Keys)
        {
            var backend = File.ReadAllText(Path.Combine(TerraformParser.InfraRoot, "envs", $"{name}.backend.hcl"));
            backend.ShouldContain($"key            = \"mailrelay/{name}.tfstate\"", Case.Sensitive, name);
        }
    }

    [Fact]
    public void Root_Outputs_PassThroughEveryOutputOfTheStack()
    {
        Stack.Outputs.ShouldNotBeEmpty();
        Root.Outputs.Keys.Order().ShouldBe(Stack.Outputs.Keys.Order());
        foreach (var name in Stack.Outputs.Keys)
            Root.Outputs[name].Text("value").ShouldBe($"${{module.mailrelay.{name}}}", name);
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
        outputs["app_runner_service_arn"].Text("value").ShouldBe("${one(module.app_runner[*].service_arn)}");
        outputs["ecs_service_name"].Text("value").ShouldBe("${one(module.ecs_service[*].service_name)}");
        outputs["app_environment_keys"].Text("value").ShouldBe("${module.app_runtime.environment_keys}");
    }

    [Fact]
    public void KmsKey_Secrets_RotatesYearly()
    {
        Tree.Module("modules/kms").Resource("aws_kms_key", "secrets").Bool("enable_key_rotation").ShouldBe(true);
    }

    /// <summary>The source text of an app file, for checks that the infrastructure and the app agree.</summary>
    private static string AppSource(params string[] path) => File.ReadAllText(Path.Combine([RepositoryPaths.Root, .. path]));
}
