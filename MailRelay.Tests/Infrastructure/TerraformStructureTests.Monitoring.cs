namespace MailRelay.Tests.Infrastructure;

public sealed partial class TerraformStructureTests
{
    private TerraformModule Monitoring => Tree.Module("modules/monitoring");

    [Fact]
    public void Alarms_DeadLetterQueues_AlarmOnTheFirstMessageInEveryDlq()
    {
        var alarm = Monitoring.Resource("aws_cloudwatch_metric_alarm", "dlq_not_empty");
        alarm.Text("for_each").ShouldBe("${toset(var.dead_letter_queue_names)}");
        (alarm.Text("namespace"), alarm.Text("metric_name")).ShouldBe(("AWS/SQS", "ApproximateNumberOfMessagesVisible"));
        alarm.Text("comparison_operator").ShouldBe("GreaterThanThreshold");
        alarm.Value("threshold").GetInt32().ShouldBe(0);
        alarm.Text("alarm_actions").ShouldBe("${local.alarm_actions}");
        Monitoring.Locals["alarm_actions"].EnumerateArray().Select(a => a.GetString()).ShouldBe(["${aws_sns_topic.alerts.arn}"]);
        Stack.ModuleCall("monitoring").Texts("dead_letter_queue_names")
            .ShouldBe(["${module.inbound_pipeline.dlq_name}", "${module.outbound_events.dlq_name}"], ignoreOrder: true);
    }

    [Fact]
    public void Alarms_AppRunner5xx_OnTheServicesMetric()
    {
        var alarm = Monitoring.Resource("aws_cloudwatch_metric_alarm", "http_5xx");
        alarm.Text("count").ShouldBe("${var.deployment_target == \"app_runner\" ? 1 : 0}");
        (alarm.Text("namespace"), alarm.Text("metric_name")).ShouldBe(("AWS/AppRunner", "5xxStatusResponses"));
        var dimensions = alarm.Value("dimensions");
        dimensions.GetProperty("ServiceName").GetString().ShouldBe("${var.app_runner_service_name}");
        dimensions.GetProperty("ServiceID").GetString().ShouldBe("${var.app_runner_service_id}");
    }

    [Fact]
    public void Alarms_InboundQueueAge_OnTheOldestMessage()
    {
        var alarm = Monitoring.Resource("aws_cloudwatch_metric_alarm", "inbound_queue_age");
        (alarm.Text("namespace"), alarm.Text("metric_name")).ShouldBe(("AWS/SQS", "ApproximateAgeOfOldestMessage"));
        alarm.Value("dimensions").GetProperty("QueueName").GetString().ShouldBe("${var.inbound_queue_name}");
        alarm.Text("threshold").ShouldBe("${var.queue_age_threshold_seconds}");
    }

    [Fact]
    public void Alarms_AppErrors_ReadTheEmfNamespace()
    {
        var alarm = Monitoring.Resource("aws_cloudwatch_metric_alarm", "app_errors");
        alarm.Text("namespace").ShouldBe("${var.metrics_namespace}");
        alarm.Text("metric_name").ShouldBe("${each.key}");
        Monitoring.Variables["metrics_namespace"].Text("default").ShouldBe("MailRelay");
        Monitoring.Variables["error_metrics"].Value("default").EnumerateObject().ShouldNotBeEmpty();
        AppRuntime.Locals["environment"].GetProperty("Metrics__Namespace").GetString().ShouldBe("${var.metrics_namespace}");
    }
}
