using System.Globalization;
using System.Text.Json;
using MailRelay.Core.Smtp.Adapters;
using MailRelay.Web.Hosting;

namespace MailRelay.Tests.Infrastructure;

public sealed partial class TerraformStructureTests
{
    private static readonly string[] IamUserActions =
    [
        "iam:CreateAccessKey", "iam:CreateUser", "iam:DeleteAccessKey", "iam:DeleteUser", "iam:DeleteUserPolicy",
        "iam:ListAccessKeys", "iam:ListUserPolicies", "iam:PutUserPolicy", "iam:TagUser", "iam:UpdateAccessKey",
    ];

    private TerraformModule AppRunner => Tree.Module("modules/app_runner");

    /// <summary>What the app is given on either target: environment, secrets and IAM policy.</summary>
    private TerraformModule AppRuntime => Tree.Module("modules/app_runtime");

    /// <summary>The running app's policy: App Runner's instance role and the ECS task role both attach it.</summary>
    private IReadOnlyList<HclBody> InstanceStatements =>
        AppRuntime.Resource("aws_iam_policy_document", "app", "data").Blocks("statement");

    [Fact]
    public void AppRunner_HealthCheck_IsTheAppsLivenessEndpoint()
    {
        var service = AppRunner.Resource("aws_apprunner_service", "app");
        var health = service.Block("health_check_configuration");
        health.Text("protocol").ShouldBe("HTTP");
        health.Text("path").ShouldBe("/healthz");
        AppSource("MailRelay.Web", "WebRegistration.cs").ShouldContain("MapHealthChecks(\"/healthz\"");
        var image = service.Block("source_configuration").Block("image_repository");
        image.Text("image_repository_type").ShouldBe("ECR");
        image.Block("image_configuration").Text("port").ShouldBe("8080");
    }

    [Fact]
    public void AppRunner_Environment_SwitchesEveryPortToItsAwsAdapter()
    {
        var environment = AppRuntime.Locals["environment"];
        var fixedValues = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Aws", ["Store__Provider"] = "DynamoDb", ["Blobs__Provider"] = "S3",
            ["Inbound__Provider"] = "Sqs", ["Secrets__Provider"] = "Kms", ["Secrets__KeyRing"] = "BlobStore", ["SmtpIdentity__Provider"] = "Iam",
            ["MailboxDelivery__Provider"] = "Gmail", ["Notifications__Provider"] = "Smtp", ["SignIn__Provider"] = "Oidc",
            ["Outbound__Provider"] = "Sqs",
        };
        foreach (var (key, value) in fixedValues) environment.GetProperty(key).GetString().ShouldBe(value, key);
        var fromStack = new Dictionary<string, string>
        {
            ["Store__TableName"] = "${var.table_name}", ["Store__Region"] = "${var.region}",
            ["Blobs__BucketName"] = "${var.bucket_name}", ["Inbound__Sqs__QueueUrl"] = "${var.inbound_queue_url}",
            ["Inbound__Sqs__Region"] = "${var.region}", ["Outbound__EventsQueueUrl"] = "${var.outbound_events_queue_url}",
            ["Outbound__Region"] = "${var.region}",
            ["Secrets__KeyId"] = "${var.secrets_key_id}", ["SignIn__Oidc__Authority"] = "${var.oidc_authority}",
            ["SignIn__Oidc__ClientId"] = "${var.oidc_client_id}", ["SignIn__Oidc__LogoutUrl"] = "${var.oidc_logout_url}",
            ["Google__ClientId"] = "${var.google_client_id}", ["Notifications__Smtp__Username"] = "${var.notification_smtp_username}",
        };
        foreach (var (key, value) in fromStack) environment.GetProperty(key).GetString().ShouldBe(value, key);
    }

    [Fact]
    public void AppRunner_Front_CircuitLongPollsUnderTheRequestCapOnOneInstance()
    {
        var front = AppRunner.Locals["front_environment"];
        var hosting = new HostingOptions
        {
            CircuitTransport = front.GetProperty("Hosting__CircuitTransport").GetString()!,
            LongPollTimeout = TimeSpan.Parse(front.GetProperty("Hosting__LongPollTimeout").GetString()!, CultureInfo.InvariantCulture),
        };
        hosting.IsLongPolling.ShouldBeTrue("App Runner's front refuses WebSockets and cuts Server-Sent Events at 120 s");
        hosting.LongPollTimeout.ShouldBeLessThan(TimeSpan.FromSeconds(120));
        new HostingOptionsValidator().Validate(null, hosting).Succeeded.ShouldBeTrue();
        AppRuntime.Locals["environment"].TryGetProperty("Hosting__CircuitTransport", out _).ShouldBeFalse("ECS's load balancer carries WebSockets");
        var maxInstances = AppRunner.Variables["max_instances"];
        maxInstances.Value("default").GetInt32().ShouldBe(1);
        maxInstances.Block("validation").Text("condition").ShouldBe("${var.max_instances == 1}");
        maxInstances.Text("description").ShouldContain("sticky sessions");
    }

    [Fact]
    public void AppRunner_Secrets_ComeFromSecretsManagerNotThePlainEnvironment()
    {
        var secrets = AppRuntime.Locals["environment_secrets"].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        secrets.ShouldBe(new Dictionary<string, string?>
        {
            ["Google__ClientSecret"] = "${var.google_client_secret_arn}",
            ["SignIn__Oidc__ClientSecret"] = "${var.oidc_client_secret_arn}",
            ["Notifications__Smtp__Password"] = "${var.smtp_password_secret_arn}",
        }, ignoreOrder: true);
        var plain = AppRuntime.Locals["environment"].EnumerateObject().Select(p => p.Name).ToList();
        plain.Select(k => k.Split("__")[^1])
            .Where(setting => setting.Contains("Secret", StringComparison.OrdinalIgnoreCase) || setting.Contains("Password", StringComparison.OrdinalIgnoreCase))
            .ShouldBeEmpty();
        var image = AppRunner.Resource("aws_apprunner_service", "app").Block("source_configuration").Block("image_repository").Block("image_configuration");
        image.Text("runtime_environment_secrets").ShouldBe("${var.environment_secrets}");
        image.Text("runtime_environment_variables").ShouldBe("${merge(var.environment, local.front_environment)}");
        AppRuntime.Outputs["environment_secrets"].Text("value").ShouldBe("${local.environment_secrets}");
        AppRuntime.Outputs["environment"].Text("value").ShouldEndWith("local.environment)}", customMessage: "the module's settings must win over extra_environment");
        Stack.ModuleCall("app_runner").Text("environment_secrets").ShouldBe("${module.app_runtime.environment_secrets}");
        Stack.ModuleCall("app_runner").Text("environment").ShouldBe("${module.app_runtime.environment}");
        InstanceStatements.Single(s => s.Texts("actions").SequenceEqual(["secretsmanager:GetSecretValue"]))
            .Texts("resources").ShouldBe(["${var.google_client_secret_arn}", "${var.oidc_client_secret_arn}", "${var.smtp_password_secret_arn}"], ignoreOrder: true);
    }

    [Fact]
    public void InstanceRole_IamUserActions_OnlyOnUsersUnderTheMailRelayPath()
    {
        var iamStatements = InstanceStatements.Where(s => s.Texts("actions").Any(a => a.StartsWith("iam:", StringComparison.Ordinal))).ToList();
        iamStatements.SelectMany(s => s.Texts("actions")).Order().ShouldBe(IamUserActions);
        foreach (var statement in iamStatements)
        {
            statement.Has("effect").ShouldBeFalse("an Allow statement");
            statement.Texts("resources").ShouldBe([$"arn:aws:iam::${{var.account_id}}:user{IamQueryClient.UserPath}*"]);
        }
        IamQueryClient.UserPath.ShouldBe("/mailrelay/");
    }

    [Fact]
    public void InstanceRole_Statements_HaveNoWildcardActionsOrResources()
    {
        InstanceStatements.ShouldNotBeEmpty();
        foreach (var statement in InstanceStatements)
        {
            statement.Texts("actions").ShouldAllBe(a => !a.Contains('*'));
            statement.Texts("resources").ShouldAllBe(r => r != "*" && !r.StartsWith("arn:aws:dynamodb:*", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void InstanceRole_DataAccess_OnlyThisStacksTableBucketQueuesAndKey()
    {
        Resources("Table").ShouldBe(["${var.table_arn}", "${var.table_arn}/index/*"]);
        Resources("BucketList").ShouldBe(["${var.bucket_arn}"]);
        Resources("BucketObjects").ShouldBe(["${var.bucket_arn}/*"]);
        Resources("Queues").ShouldBe(["${var.inbound_queue_arn}", "${var.outbound_events_queue_arn}"], ignoreOrder: true);
        Resources("SecretsKey").ShouldBe(["${var.secrets_key_arn}"]);
        var send = InstanceStatements.Single(s => s.Text("sid") == "SendNotifications");
        send.Texts("actions").ShouldBe(["ses:SendRawEmail"]);
        send.Texts("resources").ShouldBe(["${var.ses_identity_arn}", "${var.ses_configuration_set_arn}"]);
        var condition = send.Block("condition");
        (condition.Text("variable"), condition.Texts("values").Single()).ShouldBe(("ses:FromAddress", "${var.notification_from_address}"));

        IReadOnlyList<string> Resources(string sid) => InstanceStatements.Single(s => s.Text("sid") == sid).Texts("resources");
    }

    [Fact]
    public void InstanceRole_DataProtectionKeyRing_CanBeListedReadWrittenDeletedAndDecryptedAndNeverExpires()
    {
        // The key ring's blobs: every instance lists them at start, reads them, writes new keys and decrypts them with the secrets key.
        Actions("BucketList").ShouldContain("s3:ListBucket");
        Actions("BucketObjects").ShouldContain("s3:GetObject");
        Actions("BucketObjects").ShouldContain("s3:PutObject");
        Actions("BucketObjects").ShouldContain("s3:DeleteObject");
        Actions("SecretsKey").ShouldContain("kms:Encrypt");
        Actions("SecretsKey").ShouldContain("kms:Decrypt");
        MailRelay.Core.Storage.Adapters.BlobStoreXmlRepository.Prefix.ShouldBe("dataprotection/");
        // An expiring key blob would sign every user out: lifecycle expiry stays on the inbound prefix only.
        var rules = Tree.Module("modules/storage").Resource("aws_s3_bucket_lifecycle_configuration", "mail").Blocks("rule");
        rules.Where(r => r.Has("expiration")).ShouldAllBe(r => r.Block("filter").Text("prefix") == "${var.inbound_prefix}");

        IReadOnlyList<string> Actions(string sid) => InstanceStatements.Single(s => s.Text("sid") == sid).Texts("actions");
    }

    [Fact]
    public void Cognito_AppClient_UsesTheAppsCallbackAndSignOutPaths()
    {
        var client = Tree.Module("modules/cognito").Resource("aws_cognito_user_pool_client", "app");
        client.Texts("callback_urls").ShouldBe(["${var.app_base_url}/signin-oidc"]);
        AppSource("MailRelay.Web", "Auth", "AuthRegistration.cs").ShouldContain("CallbackPath = \"/signin-oidc\"");
        client.Texts("logout_urls").ShouldBe(["${var.app_base_url}/account/signed-out"]);
        AppSource("MailRelay.Web", "Auth", "AccountEndpoints.cs").ShouldContain("/account/signed-out");
        client.Texts("allowed_oauth_flows").ShouldBe(["code"]);
        client.Bool("generate_secret").ShouldBe(true);
        client.Texts("allowed_oauth_scopes").ShouldBe(["openid", "email", "profile"], ignoreOrder: true);
    }

    [Fact]
    public void Cognito_UserPool_EmailSignInAndTheAppsAdminGroup()
    {
        var cognito = Tree.Module("modules/cognito");
        var pool = cognito.Resource("aws_cognito_user_pool", "users");
        pool.Texts("username_attributes").ShouldBe(["email"]);
        pool.Block("admin_create_user_config").Bool("allow_admin_create_user_only").ShouldBe(true);
        cognito.Resource("aws_cognito_user_group", "admins").Text("name").ShouldBe("${var.admin_group_name}");
        cognito.Variables["admin_group_name"].Text("default").ShouldBe(new MailRelay.Web.Auth.OidcSignInOptions().AdminGroup);
        cognito.Resource("aws_cognito_user_pool_domain", "hosted").Text("domain").ShouldBe("${var.domain_prefix}");
        Stack.ModuleCall("app_runtime").Text("admin_group_name").ShouldBe("${module.cognito.admin_group_name}");
    }

    [Fact]
    public void Notifier_SmtpUser_LivesOutsideThePathTheAppManages()
    {
        var user = Tree.Module("modules/notifier").Resource("aws_iam_user", "notifier");
        user.Text("path").ShouldNotBe(IamQueryClient.UserPath, "the app may delete users under its own path");
        user.Text("path").ShouldStartWith("/");
        JsonSerializer.Serialize(Tree.Module("modules/notifier").Outputs["smtp_password"].Element).ShouldContain("\"sensitive\":true");
    }
}
