locals {
  environment = "prod"
}

module "mailrelay" {
  source      = "../../modules/mailrelay"
  environment = local.environment

  # prod keeps its data: versions, point-in-time recovery, deletion protection, 30-day windows.
  bucket_versioning               = true
  bucket_force_destroy            = false
  table_point_in_time_recovery    = true
  table_deletion_protection       = true
  cognito_deletion_protection     = true
  kms_deletion_window_in_days     = 30
  secrets_recovery_window_in_days = 30

  # The inputs, passed through.
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
}
