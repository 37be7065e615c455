output "alerts_topic_arn" {
  value = aws_sns_topic.alerts.arn
}

output "alarm_names" {
  value = concat(
    [for a in aws_cloudwatch_metric_alarm.dlq_not_empty : a.alarm_name],
    [aws_cloudwatch_metric_alarm.inbound_queue_age.alarm_name],
    [for a in aws_cloudwatch_metric_alarm.http_5xx : a.alarm_name],
    [for a in aws_cloudwatch_metric_alarm.load_balancer_5xx : a.alarm_name],
    [for a in aws_cloudwatch_metric_alarm.load_balancer_unavailable : a.alarm_name],
    [for a in aws_cloudwatch_metric_alarm.app_errors : a.alarm_name],
  )
}
