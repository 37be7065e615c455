locals {
  environment = "test"
}

module "mailrelay" {
  source      = "../../modules/mailrelay"
  environment = local.environment

  # test is thrown away on destroy: no versions or PITR, the bucket emptied, secrets deleted at once.
  bucket_versioning               = false
  bucket_force_destroy            = true
  table_point_in_time_recovery    = false
  table_deletion_protection       = false
  cognito_deletion_protection     = false
  kms_deletion_window_in_days     = 7
  secrets_recovery_window_in_days = 0

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
