resource "aws_sns_topic" "alerts" {
  name = "${var.name_prefix}-alerts"
}

resource "aws_sns_topic_subscription" "email" {
  count     = var.alert_email == "" ? 0 : 1
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = var.alert_email
}

locals {
  alarm_actions = [aws_sns_topic.alerts.arn]
}

resource "aws_cloudwatch_metric_alarm" "dlq_not_empty" {
  for_each            = toset(var.dead_letter_queue_names)
  alarm_name          = "${each.value}-not-empty"
  alarm_description   = "Messages in ${each.value}: see docs/operations.md, 'Dead-letter queues'."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "inbound_queue_age" {
  alarm_name          = "${var.inbound_queue_name}-oldest-message-age"
  alarm_description   = "Inbound notifications wait: the app is down or cannot store mail."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = var.inbound_queue_name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.queue_age_threshold_seconds
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# Server errors, from whichever target runs the app: App Runner's 5xx responses, or on ECS the
# load balancer's (no healthy task: 502/503/504) and the tasks' own.
resource "aws_cloudwatch_metric_alarm" "http_5xx" {
  count               = var.deployment_target == "app_runner" ? 1 : 0
  alarm_name          = "${var.app_runner_service_name}-5xx"
  alarm_description   = "The app answers with server errors."
  namespace           = "AWS/AppRunner"
  metric_name         = "5xxStatusResponses"
  dimensions          = { ServiceName = var.app_runner_service_name, ServiceID = var.app_runner_service_id }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.http_5xx_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# The alarm was aws_cloudwatch_metric_alarm.http_5xx before there were two targets.
moved {
  from = aws_cloudwatch_metric_alarm.http_5xx
  to   = aws_cloudwatch_metric_alarm.http_5xx[0]
}

resource "aws_cloudwatch_metric_alarm" "load_balancer_5xx" {
  count               = var.deployment_target == "ecs" ? 1 : 0
  alarm_name          = "${var.name_prefix}-5xx"
  alarm_description   = "The app answers with server errors."
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  dimensions          = { LoadBalancer = var.load_balancer_arn_suffix, TargetGroup = var.target_group_arn_suffix }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.http_5xx_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "load_balancer_unavailable" {
  count               = var.deployment_target == "ecs" ? 1 : 0
  alarm_name          = "${var.name_prefix}-load-balancer-5xx"
  alarm_description   = "The load balancer answers with server errors itself (502/503/504): no healthy task, or tasks not answering."
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_ELB_5XX_Count"
  dimensions          = { LoadBalancer = var.load_balancer_arn_suffix }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.http_5xx_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}

# Metrics the app writes as CloudWatch Embedded Metric Format lines in its JSON log; CloudWatch
# Logs extracts them from App Runner's application log group, or the ECS service's log group (awslogs),
# without an agent.
resource "aws_cloudwatch_metric_alarm" "app_errors" {
  for_each            = var.error_metrics
  alarm_name          = "${var.name_prefix}-${each.key}"
  alarm_description   = "${var.metrics_namespace}/${each.key} rose: see the app's log and the admin Queues page."
  namespace           = var.metrics_namespace
  metric_name         = each.key
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
}
