# DNS: every record the domain needs. Add them at the DNS host; docs/dns.md explains each one.
output "dns_verification_txt" {
  value = module.ses_domain.verification_record
}

output "dns_dkim_cnames" {
  value = module.ses_domain.dkim_records
}

output "dns_inbound_mx" {
  value = module.ses_domain.inbound_mx_record
}

output "dns_spf_txt" {
  value = module.ses_domain.spf_record
}

output "dns_dmarc_txt" {
  value = module.ses_domain.dmarc_record
}

output "dns_mail_from_mx" {
  value = module.ses_domain.mail_from_mx_record
}

output "dns_mail_from_spf_txt" {
  value = module.ses_domain.mail_from_spf_record
}

output "dns_mta_sts_txt" {
  value = module.ses_domain.mta_sts_record
}

output "dns_tls_rpt_txt" {
  value = module.ses_domain.tls_rpt_record
}

output "dns_app_runner_custom_domains" {
  description = "App Runner: CNAMEs for the app host and mta-sts.<domain>, with their certificate validation records (null on ECS)."
  value       = one(module.app_runner[*].custom_domain_records)
}

output "dns_load_balancer_records" {
  description = "ECS: CNAMEs for the app host and mta-sts.<domain> to the load balancer, with the certificate validation records (null on App Runner)."
  value       = one(module.ecs_service[*].dns_records)
}

# App settings: what the service was given (also useful to run the app elsewhere against this stack).
output "app_url" {
  value = "https://${var.app_hostname}"
}

output "deployment_target" {
  value = var.deployment_target
}

output "app_runner_service_url" {
  description = "null on ECS."
  value       = one(module.app_runner[*].service_url)
}

output "app_runner_service_arn" {
  description = "null on ECS."
  value       = one(module.app_runner[*].service_arn)
}

output "ecs_cluster_name" {
  description = "null on App Runner."
  value       = one(module.ecs_service[*].cluster_name)
}

output "ecs_service_name" {
  description = "null on App Runner."
  value       = one(module.ecs_service[*].service_name)
}

output "ecs_log_group_name" {
  description = "The app's log on ECS (null on App Runner)."
  value       = one(module.ecs_service[*].log_group_name)
}

output "load_balancer_dns_name" {
  description = "ECS: where the app host and mta-sts.<domain> point (null on App Runner)."
  value       = one(module.ecs_service[*].load_balancer_dns_name)
}

output "ecr_repository_url" {
  value = module.ecr.repository_url
}

output "table_name" {
  value = module.dynamodb.table_name
}

output "bucket_name" {
  value = module.storage.bucket_name
}

output "inbound_queue_url" {
  value = module.inbound_pipeline.queue_url
}

output "inbound_dlq_url" {
  value = module.inbound_pipeline.dlq_url
}

output "outbound_events_queue_url" {
  value = module.outbound_events.queue_url
}

output "ses_configuration_set" {
  value = module.outbound_events.configuration_set_name
}

output "secrets_kms_key_id" {
  value = module.kms.key_id
}

output "secrets_kms_key_alias" {
  value = module.kms.alias_name
}

output "cognito_issuer" {
  value = module.cognito.issuer
}

output "cognito_client_id" {
  value = module.cognito.client_id
}

output "cognito_user_pool_id" {
  value = module.cognito.user_pool_id
}

output "cognito_hosted_ui_url" {
  value = module.cognito.hosted_ui_url
}

output "cognito_admin_group" {
  value = module.cognito.admin_group_name
}

output "alerts_topic_arn" {
  value = module.monitoring.alerts_topic_arn
}

output "app_environment_keys" {
  value = module.app_runtime.environment_keys
}
