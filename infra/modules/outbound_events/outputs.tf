output "configuration_set_name" {
  value = aws_ses_configuration_set.outbound.name
}

output "configuration_set_arn" {
  value = aws_ses_configuration_set.outbound.arn
}

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

output "dlq_name" {
  value = module.queue.dlq_name
}
