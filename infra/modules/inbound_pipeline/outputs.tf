output "topic_arn" {
  value = module.queue.topic_arn
}

output "queue_url" {
  value = module.queue.queue_url
}

output "queue_arn" {
  value = module.queue.queue_arn
}

output "queue_name" {
  value = module.queue.queue_name
}

output "dlq_url" {
  value = module.queue.dlq_url
}

output "dlq_name" {
  value = module.queue.dlq_name
}

output "receipt_rule_set_name" {
  value = aws_ses_receipt_rule_set.main.rule_set_name
}
