using System.Text.Json;

namespace MailRelay.Tests.Infrastructure;

/// <summary>
/// The two deployment targets: App Runner (accounts that have it) and ECS on Fargate behind an
/// Application Load Balancer, chosen by one variable and given the same environment, secrets and policy.
/// </summary>
public sealed partial class TerraformStructureTests
{
    private const string MinTasksCondition = "${var.min_tasks >= 1 && floor(var.min_tasks) == var.min_tasks}";

    private TerraformModule Ecs => Tree.Module("modules/ecs_service");

    [Fact]
    public void DeploymentTarget_Variable_IsValidatedAndCreatesExactlyOneTarget()
    {
        var target = Stack.Variables["deployment_target"];
        target.Text("default").ShouldBe("ecs");
        target.Block("validation").Text("condition").ShouldBe("${contains([\"ecs\", \"app_runner\"], var.deployment_target)}");
        target.Text("description").ShouldContain("closed to new customers");
        Stack.ModuleCall("app_runner").Text("count").ShouldBe("${var.deployment_target == \"app_runner\" ? 1 : 0}");
        Stack.ModuleCall("ecs_service").Text("count").ShouldBe("${var.deployment_target == \"ecs\" ? 1 : 0}");
        Tree.Callee(Stack, "ecs_service").ShouldBeSameAs(Ecs);
        // No default in the root: each environment states its target, and an existing one never moves by itself.
        Root.Variables["deployment_target"].Has("default").ShouldBeFalse();
        foreach (var (name, file) in Tree.Environments)
            file.Text("deployment_target").ShouldBeOneOf(["ecs", "app_runner"], name);
        // Existing App Runner state (module.mailrelay.module.app_runner) is kept, not replaced.
        Stack.Moved.Select(m => (m.Text("from"), m.Text("to"))).ShouldContain(("${module.app_runner}", "${module.app_runner[0]}"));
        Monitoring.Moved.Select(m => (m.Text("from"), m.Text("to")))
            .ShouldContain(("${aws_cloudwatch_metric_alarm.http_5xx}", "${aws_cloudwatch_metric_alarm.http_5xx[0]}"));
    }

    [Fact]
    public void DeploymentTarget_BothTargets_GetTheSameImageHostsEnvironmentSecretsAndPolicy()
    {
        var appRunner = Stack.ModuleCall("app_runner");
        var ecs = Stack.ModuleCall("ecs_service");
        foreach (var input in new[] { "service_name", "image_repository_url", "image_tag", "app_hostname", "mta_sts_hostname", "environment", "environment_secrets", "app_policy_json" })
            ecs.Text(input).ShouldBe(appRunner.Text(input), input);
        ecs.Text("environment").ShouldBe("${module.app_runtime.environment}");
        ecs.Text("environment_secrets").ShouldBe("${module.app_runtime.environment_secrets}");
        ecs.Text("app_policy_json").ShouldBe("${module.app_runtime.policy_json}");
        ecs.Text("mta_sts_hostname").ShouldBe("mta-sts.${var.domain}");
    }

    [Fact]
    public void Ecs_TaskRole_AttachesTheSamePolicyDocumentAsAppRunnersInstanceRole()
    {
        AppRuntime.Outputs["policy_json"].Text("value").ShouldBe("${data.aws_iam_policy_document.app.json}");
        AppRunner.Resource("aws_iam_role_policy", "instance").Text("policy").ShouldBe("${var.app_policy_json}");
        Ecs.Resource("aws_iam_role_policy", "task").Text("policy").ShouldBe("${var.app_policy_json}");
        Ecs.Resource("aws_iam_role_policy", "task").Text("role").ShouldBe("${aws_iam_role.task.id}");
        Ecs.Resource("aws_ecs_task_definition", "app").Text("task_role_arn").ShouldBe("${aws_iam_role.task.arn}");
        var assume = Ecs.Resource("aws_iam_policy_document", "tasks_assume", "data").Block("statement").Block("principals");
        assume.Texts("identifiers").ShouldBe(["ecs-tasks.amazonaws.com"]);
        // Neither module writes a policy of its own for the app: the data access is in app_runtime only.
        Ecs.All("aws_iam_policy_document", "data").Select(d => d.Name).ShouldBe(["execution_secrets", "tasks_assume"], ignoreOrder: true);
        AppRunner.All("aws_iam_policy_document", "data").Select(d => d.Name).ShouldBe(["build_assume", "instance_assume"], ignoreOrder: true);
    }

    [Fact]
    public void Ecs_Container_GetsEveryEnvironmentKeyAndTheSecretsFromSecretsManager()
    {
        var container = Ecs.Locals["container"];
        container.GetProperty("environment").GetString()
            .ShouldBe("${[for name in sort(keys(var.environment)) : { name = name, value = var.environment[name] }]}");
        container.GetProperty("secrets").GetString()
            .ShouldBe("${[for name in sort(keys(var.environment_secrets)) : { name = name, valueFrom = var.environment_secrets[name] }]}");
        container.GetProperty("image").GetString().ShouldBe("${var.image_repository_url}:${var.image_tag}");
        var port = container.GetProperty("portMappings")[0].GetProperty("containerPort").GetString();
        port.ShouldBe("${local.container_port}");
        Ecs.Locals["container_port"].GetInt32().ShouldBe(8080, "the Dockerfile's ASPNETCORE_HTTP_PORTS, as on App Runner");
        AppSource("Dockerfile").ShouldContain("ASPNETCORE_HTTP_PORTS=8080");
        var log = container.GetProperty("logConfiguration");
        log.GetProperty("logDriver").GetString().ShouldBe("awslogs");
        log.GetProperty("options").GetProperty("awslogs-group").GetString().ShouldBe("${aws_cloudwatch_log_group.app.name}");

        var task = Ecs.Resource("aws_ecs_task_definition", "app");
        task.Text("container_definitions").ShouldBe("${jsonencode([local.container])}");
        task.Texts("requires_compatibilities").ShouldBe(["FARGATE"]);
        task.Text("network_mode").ShouldBe("awsvpc");
        task.Text("execution_role_arn").ShouldBe("${aws_iam_role.execution.arn}");
        // The execution role reads exactly the app's secrets when it starts a task.
        var read = Ecs.Resource("aws_iam_policy_document", "execution_secrets", "data").Block("statement");
        read.Texts("actions").ShouldBe(["secretsmanager:GetSecretValue"]);
        read.Text("resources").ShouldBe("${values(var.environment_secrets)}");
        Ecs.Resource("aws_iam_role_policy_attachment", "execution").Text("policy_arn")
            .ShouldBe("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
    }

    [Fact]
    public void Ecs_Listeners_HttpsWithTheValidatedCertificate_HttpRedirectsToHttps()
    {
        var https = Ecs.Resource("aws_lb_listener", "https");
        (https.Value("port").GetInt32(), https.Text("protocol")).ShouldBe((443, "HTTPS"));
        https.Text("certificate_arn").ShouldBe("${aws_acm_certificate_validation.app.certificate_arn}");
        https.Text("ssl_policy").ShouldStartWith("ELBSecurityPolicy-TLS13-");
        var forward = https.Block("default_action");
        (forward.Text("type"), forward.Text("target_group_arn")).ShouldBe(("forward", "${aws_lb_target_group.app.arn}"));

        var http = Ecs.Resource("aws_lb_listener", "http");
        (http.Value("port").GetInt32(), http.Text("protocol")).ShouldBe((80, "HTTP"));
        var redirect = http.Block("default_action").Block("redirect");
        (redirect.Text("protocol"), redirect.Text("port"), redirect.Text("status_code")).ShouldBe(("HTTPS", "443", "HTTP_301"));

        var certificate = Ecs.Resource("aws_acm_certificate", "app");
        certificate.Text("domain_name").ShouldBe("${var.app_hostname}");
        certificate.Texts("subject_alternative_names").ShouldBe(["${var.mta_sts_hostname}"]);
        certificate.Text("validation_method").ShouldBe("DNS");
    }

    [Fact]
    public void Ecs_TargetGroup_HealthCheckOnHealthzAndStickyCookieForBlazorCircuits()
    {
        var group = Ecs.Resource("aws_lb_target_group", "app");
        group.Text("port").ShouldBe("${local.container_port}");
        group.Text("target_type").ShouldBe("ip", "Fargate tasks in awsvpc mode register by IP");
        var health = group.Block("health_check");
        (health.Text("protocol"), health.Text("path"), health.Text("matcher")).ShouldBe(("HTTP", "/healthz", "200"));
        AppSource("MailRelay.Web", "WebRegistration.cs").ShouldContain("MapHealthChecks(\"/healthz\"");
        var stickiness = group.Block("stickiness");
        (stickiness.Text("type"), stickiness.Bool("enabled")).ShouldBe(("lb_cookie", true));
        group.Text("deregistration_delay").ShouldBe("${var.deregistration_delay_seconds}");
        Ecs.Variables["deregistration_delay_seconds"].Value("default").GetInt32().ShouldBeInRange(30, 300);
    }

    [Fact]
    public void Ecs_LoadBalancer_IdleTimeoutOutlastsLongLivedWebSockets()
    {
        var balancer = Ecs.Resource("aws_lb", "app");
        balancer.Text("load_balancer_type").ShouldBe("application");
        balancer.Bool("internal").ShouldBe(false);
        balancer.Text("idle_timeout").ShouldBe("${var.idle_timeout_seconds}");
        Ecs.Variables["idle_timeout_seconds"].Value("default").GetInt32().ShouldBeGreaterThanOrEqualTo(300);
        balancer.Texts("security_groups").ShouldBe(["${aws_security_group.alb.id}"]);
    }

    [Fact]
    public void Ecs_Tasks_ReachableOnlyFromTheLoadBalancersSecurityGroup()
    {
        var taskIngress = Ecs.All("aws_vpc_security_group_ingress_rule")
            .Where(r => r.Body.Text("security_group_id") == "${aws_security_group.tasks.id}").ToList();
        taskIngress.ShouldHaveSingleItem();
        var rule = taskIngress[0].Body;
        rule.Text("referenced_security_group_id").ShouldBe("${aws_security_group.alb.id}");
        (rule.Text("from_port"), rule.Text("to_port")).ShouldBe(("${local.container_port}", "${local.container_port}"));
        rule.Has("cidr_ipv4").ShouldBeFalse();
        rule.Has("cidr_ipv6").ShouldBeFalse();
        Ecs.All("aws_security_group_rule").ShouldBeEmpty();
        Ecs.Resource("aws_ecs_service", "app").Block("network_configuration").Texts("security_groups").ShouldBe(["${aws_security_group.tasks.id}"]);
        Ecs.Locals["public_ports"].EnumerateObject().Select(p => p.Value.GetInt32()).ShouldBe([80, 443], ignoreOrder: true);
    }

    [Fact]
    public void Ecs_Service_RollingDeploysKeepEveryHealthyTaskAndRollBackAFailedVersion()
    {
        var service = Ecs.Resource("aws_ecs_service", "app");
        service.Value("deployment_minimum_healthy_percent").GetInt32().ShouldBe(100);
        service.Value("deployment_maximum_percent").GetInt32().ShouldBe(200);
        var breaker = service.Block("deployment_circuit_breaker");
        (breaker.Bool("enable"), breaker.Bool("rollback")).ShouldBe((true, true));
        service.Text("launch_type").ShouldBe("FARGATE");
        service.Text("desired_count").ShouldBe("${var.min_tasks}");
        service.Block("lifecycle").Texts("ignore_changes").ShouldBe(["${desired_count}"], "autoscaling owns the count");
        var balancer = service.Block("load_balancer");
        balancer.Text("target_group_arn").ShouldBe("${aws_lb_target_group.app.arn}");
        balancer.Text("container_port").ShouldBe("${local.container_port}");
        balancer.Text("container_name").ShouldBe("${local.container_name}");
        Ecs.Locals["container"].GetProperty("name").GetString().ShouldBe("${local.container_name}");
    }

    [Fact]
    public void Ecs_MinTasks_ValidatedAtLeastOne_AndTwoOrMoreByDefault()
    {
        foreach (var module in new[] { Stack, Ecs })
        {
            var minTasks = module.Variables["min_tasks"];
            minTasks.Block("validation").Text("condition").ShouldBe(MinTasksCondition, module.Folder);
            minTasks.Value("default").GetInt32().ShouldBeGreaterThanOrEqualTo(2, module.Folder);
        }
        Stack.ModuleCall("ecs_service").Text("min_tasks").ShouldBe("${var.min_tasks}");
        Stack.ModuleCall("ecs_service").Text("max_tasks").ShouldBe("${var.max_tasks}");
        var scaling = Ecs.Resource("aws_appautoscaling_target", "app");
        (scaling.Text("min_capacity"), scaling.Text("max_capacity")).ShouldBe(("${var.min_tasks}", "${var.max_tasks}"));
        scaling.Block("lifecycle").Block("precondition").Text("condition").ShouldBe("${var.max_tasks >= var.min_tasks}");
        (scaling.Text("service_namespace"), scaling.Text("scalable_dimension")).ShouldBe(("ecs", "ecs:service:DesiredCount"));
        scaling.Text("resource_id").ShouldBe("service/${aws_ecs_cluster.app.name}/${aws_ecs_service.app.name}");
        // App Runner stays at one instance: no sticky sessions or WebSockets there.
        Stack.Variables["max_instances"].Value("default").GetInt32().ShouldBe(1);
        AppRunner.Variables["max_instances"].Value("default").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void Ecs_Autoscaling_OnCpuAndOnThisStacksInboundQueueBacklog()
    {
        var cpu = Ecs.Resource("aws_appautoscaling_policy", "cpu");
        cpu.Text("policy_type").ShouldBe("TargetTrackingScaling");
        cpu.Text("resource_id").ShouldBe("${aws_appautoscaling_target.app.resource_id}");
        cpu.Block("target_tracking_scaling_policy_configuration").Block("predefined_metric_specification")
            .Text("predefined_metric_type").ShouldBe("ECSServiceAverageCPUUtilization");

        var backlog = Ecs.Resource("aws_appautoscaling_policy", "inbound_backlog");
        backlog.Text("policy_type").ShouldBe("TargetTrackingScaling");
        backlog.Text("resource_id").ShouldBe("${aws_appautoscaling_target.app.resource_id}");
        var tracking = backlog.Block("target_tracking_scaling_policy_configuration");
        tracking.Text("target_value").ShouldBe("${var.inbound_backlog_per_task}");
        var metrics = tracking.Block("customized_metric_specification").Blocks("metrics");
        var visible = metrics.Single(m => m.Text("id") == "visible").Block("metric_stat").Block("metric");
        (visible.Text("namespace"), visible.Text("metric_name")).ShouldBe(("AWS/SQS", "ApproximateNumberOfMessagesVisible"));
        var queue = visible.Block("dimensions");
        (queue.Text("name"), queue.Text("value")).ShouldBe(("QueueName", "${var.inbound_queue_name}"));
        var tasks = metrics.Single(m => m.Text("id") == "tasks").Block("metric_stat").Block("metric");
        (tasks.Text("namespace"), tasks.Text("metric_name")).ShouldBe(("ECS/ContainerInsights", "RunningTaskCount"));
        var result = metrics.Single(m => m.Bool("return_data") == true);
        result.Text("expression").ShouldBe("visible / tasks");
        metrics.Count(m => m.Bool("return_data") == true).ShouldBe(1);
        // RunningTaskCount needs Container Insights on the cluster.
        var setting = Ecs.Resource("aws_ecs_cluster", "app").Block("setting");
        (setting.Text("name"), setting.Text("value")).ShouldBe(("containerInsights", "enabled"));
        // This stack's inbound queue: the one SES notifies, not the outbound events' queue.
        Stack.ModuleCall("ecs_service").Text("inbound_queue_name").ShouldBe("${module.inbound_pipeline.queue_name}");
        Stack.ModuleCall("monitoring").Text("inbound_queue_name").ShouldBe("${module.inbound_pipeline.queue_name}");
    }

    [Fact]
    public void Alarms_Ecs5xx_OnTheLoadBalancersMetricsOfThisService()
    {
        var app = Monitoring.Resource("aws_cloudwatch_metric_alarm", "load_balancer_5xx");
        (app.Text("namespace"), app.Text("metric_name")).ShouldBe(("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count"));
        app.Value("dimensions").GetProperty("LoadBalancer").GetString().ShouldBe("${var.load_balancer_arn_suffix}");
        app.Value("dimensions").GetProperty("TargetGroup").GetString().ShouldBe("${var.target_group_arn_suffix}");
        var unavailable = Monitoring.Resource("aws_cloudwatch_metric_alarm", "load_balancer_unavailable");
        (unavailable.Text("namespace"), unavailable.Text("metric_name")).ShouldBe(("AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count"));
        unavailable.Value("dimensions").GetProperty("LoadBalancer").GetString().ShouldBe("${var.load_balancer_arn_suffix}");
        foreach (var alarm in new[] { app, unavailable })
        {
            alarm.Text("count").ShouldBe("${var.deployment_target == \"ecs\" ? 1 : 0}");
            alarm.Text("alarm_actions").ShouldBe("${local.alarm_actions}");
        }
        var call = Stack.ModuleCall("monitoring");
        call.Text("deployment_target").ShouldBe("${var.deployment_target}");
        call.Text("load_balancer_arn_suffix").ShouldBe("${one(module.ecs_service[*].load_balancer_arn_suffix)}");
        call.Text("target_group_arn_suffix").ShouldBe("${one(module.ecs_service[*].target_group_arn_suffix)}");
        call.Text("app_runner_service_name").ShouldBe("${one(module.app_runner[*].service_name)}");
    }

    [Fact]
    public void Ecs_DnsRecords_PointTheAppHostAndMtaStsAtTheLoadBalancer()
    {
        var records = Ecs.Outputs["dns_records"].Text("value");
        records.ShouldContain("for host in [var.app_hostname, var.mta_sts_hostname] : host =>");
        records.ShouldContain("target = aws_lb.app.dns_name");
        records.ShouldContain("aws_acm_certificate.app.domain_validation_options");
        Stack.Outputs["load_balancer_dns_name"].Text("value").ShouldBe("${one(module.ecs_service[*].load_balancer_dns_name)}");
        Stack.Outputs["app_url"].Text("value").ShouldBe("https://${var.app_hostname}");
        JsonSerializer.Serialize(Stack.Outputs["deployment_target"].Element).ShouldContain("${var.deployment_target}");
    }
}
