# The one root module of every environment: it calls modules/mailrelay once with the inputs of the
# environment's file (envs/<env>.tfvars) and passes its outputs through (outputs.tf). An environment
# is a variable file and a backend file, nothing else:
#
#   terraform -chdir=infra/root init -reconfigure -backend-config=../envs/prod.backend.hcl
#   terraform -chdir=infra/root apply -var-file=../envs/prod.tfvars

module "mailrelay" {
  source = "../modules/mailrelay"

  environment                     = var.environment
  bucket_versioning               = var.bucket_versioning
  bucket_force_destroy            = var.bucket_force_destroy
  table_point_in_time_recovery    = var.table_point_in_time_recovery
  table_deletion_protection       = var.table_deletion_protection
  cognito_deletion_protection     = var.cognito_deletion_protection
  kms_deletion_window_in_days     = var.kms_deletion_window_in_days
  secrets_recovery_window_in_days = var.secrets_recovery_window_in_days

  region                    = var.region
  domain                    = var.domain
  app_hostname              = var.app_hostname
  image_tag                 = var.image_tag
  cognito_domain_prefix     = var.cognito_domain_prefix
  google_client_id          = var.google_client_id
  google_client_secret      = var.google_client_secret
  notification_from_address = var.notification_from_address
  tls_rpt_address           = var.tls_rpt_address
  dmarc_report_address      = var.dmarc_report_address
  dmarc_policy              = var.dmarc_policy
  mta_sts_policy_id         = var.mta_sts_policy_id
  alert_email               = var.alert_email
  activate_receipt_rule_set = var.activate_receipt_rule_set
  table_name                = var.table_name
  extra_app_settings        = var.extra_app_settings

  deployment_target = var.deployment_target
  min_tasks         = var.min_tasks
  max_tasks         = var.max_tasks
  vpc_id            = var.vpc_id
  subnet_ids        = var.subnet_ids
}
