# The stack's outputs, passed through: docs/ and operators read them with terraform output -raw <name>.
output "dns_verification_txt" {
  value = module.mailrelay.dns_verification_txt
}

output "dns_dkim_cnames" {
  value = module.mailrelay.dns_dkim_cnames
}

output "dns_inbound_mx" {
  value = module.mailrelay.dns_inbound_mx
}

output "dns_spf_txt" {
  value = module.mailrelay.dns_spf_txt
}

output "dns_dmarc_txt" {
  value = module.mailrelay.dns_dmarc_txt
}

output "dns_mail_from_mx" {
  value = module.mailrelay.dns_mail_from_mx
}

output "dns_mail_from_spf_txt" {
  value = module.mailrelay.dns_mail_from_spf_txt
}

output "dns_mta_sts_txt" {
  value = module.mailrelay.dns_mta_sts_txt
}

output "dns_tls_rpt_txt" {
  value = module.mailrelay.dns_tls_rpt_txt
}

output "dns_app_runner_custom_domains" {
  value = module.mailrelay.dns_app_runner_custom_domains
}

output "dns_load_balancer_records" {
  value = module.mailrelay.dns_load_balancer_records
}

output "app_url" {
  value = module.mailrelay.app_url
}

output "deployment_target" {
  value = module.mailrelay.deployment_target
}

output "app_runner_service_url" {
  value = module.mailrelay.app_runner_service_url
}

output "app_runner_service_arn" {
  value = module.mailrelay.app_runner_service_arn
}

output "ecs_cluster_name" {
  value = module.mailrelay.ecs_cluster_name
}

output "ecs_service_name" {
  value = module.mailrelay.ecs_service_name
}

output "ecs_log_group_name" {
  value = module.mailrelay.ecs_log_group_name
}

output "load_balancer_dns_name" {
  value = module.mailrelay.load_balancer_dns_name
}

output "ecr_repository_url" {
  value = module.mailrelay.ecr_repository_url
}

output "table_name" {
  value = module.mailrelay.table_name
}

output "bucket_name" {
  value = module.mailrelay.bucket_name
}

output "inbound_queue_url" {
  value = module.mailrelay.inbound_queue_url
}

output "inbound_dlq_url" {
  value = module.mailrelay.inbound_dlq_url
}

output "outbound_events_queue_url" {
  value = module.mailrelay.outbound_events_queue_url
}

output "ses_configuration_set" {
  value = module.mailrelay.ses_configuration_set
}

output "secrets_kms_key_id" {
  value = module.mailrelay.secrets_kms_key_id
}

output "secrets_kms_key_alias" {
  value = module.mailrelay.secrets_kms_key_alias
}

output "cognito_issuer" {
  value = module.mailrelay.cognito_issuer
}

output "cognito_client_id" {
  value = module.mailrelay.cognito_client_id
}

output "cognito_user_pool_id" {
  value = module.mailrelay.cognito_user_pool_id
}

output "cognito_hosted_ui_url" {
  value = module.mailrelay.cognito_hosted_ui_url
}

output "cognito_admin_group" {
  value = module.mailrelay.cognito_admin_group
}

output "alerts_topic_arn" {
  value = module.mailrelay.alerts_topic_arn
}

output "app_environment_keys" {
  value = module.mailrelay.app_environment_keys
}
