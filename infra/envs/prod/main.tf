locals {
  environment = "prod"
  name_prefix = "mailrelay-${local.environment}"
  account_id  = data.aws_caller_identity.current.account_id
  # Must match what the storage bucket policy lets SES write with.
  receipt_rule_set_name = "${local.name_prefix}-rules"
  table_name            = var.table_name == "" ? "${local.name_prefix}-relay" : var.table_name
}

data "aws_caller_identity" "current" {}

module "ses_domain" {
  source               = "../../modules/ses_domain"
  domain               = var.domain
  region               = var.region
  dmarc_policy         = var.dmarc_policy
  dmarc_report_address = var.dmarc_report_address
  tls_rpt_address      = var.tls_rpt_address
  mta_sts_policy_id    = var.mta_sts_policy_id
}

module "storage" {
  source                    = "../../modules/storage"
  bucket_name               = "${local.name_prefix}-mail-${local.account_id}"
  versioning_enabled        = true
  force_destroy             = false
  ses_source_account        = local.account_id
  ses_receipt_rule_set_name = local.receipt_rule_set_name
}

module "inbound_pipeline" {
  source                = "../../modules/inbound_pipeline"
  name_prefix           = local.name_prefix
  domain                = var.domain
  account_id            = local.account_id
  receipt_rule_set_name = local.receipt_rule_set_name
  bucket_name           = module.storage.bucket_name
  object_key_prefix     = module.storage.inbound_prefix
  bucket_policy_id      = module.storage.bucket_policy_id
  activate_rule_set     = var.activate_receipt_rule_set
}

module "outbound_events" {
  source      = "../../modules/outbound_events"
  name_prefix = local.name_prefix
  account_id  = local.account_id
  domain      = module.ses_domain.domain
  region      = var.region
}

module "dynamodb" {
  source                 = "../../modules/dynamodb"
  table_name             = local.table_name
  point_in_time_recovery = true
  deletion_protection    = true
}

module "kms" {
  source                  = "../../modules/kms"
  alias_name              = "${local.name_prefix}-secrets"
  deletion_window_in_days = 30
}

module "ecr" {
  source          = "../../modules/ecr"
  repository_name = local.name_prefix
}

module "cognito" {
  source              = "../../modules/cognito"
  name_prefix         = local.name_prefix
  region              = var.region
  domain_prefix       = var.cognito_domain_prefix
  app_base_url        = "https://${var.app_hostname}"
  deletion_protection = true
}

module "notifier" {
  source                = "../../modules/notifier"
  name_prefix           = local.name_prefix
  sending_identity_arn  = module.ses_domain.identity_arn
  configuration_set_arn = module.outbound_events.configuration_set_arn
  from_address          = var.notification_from_address
}

module "app_secrets" {
  source                  = "../../modules/app_secrets"
  name_prefix             = local.name_prefix
  google_client_secret    = var.google_client_secret
  oidc_client_secret      = module.cognito.client_secret
  smtp_password           = module.notifier.smtp_password
  recovery_window_in_days = 30
}

module "app_runner" {
  source                     = "../../modules/app_runner"
  service_name               = local.name_prefix
  region                     = var.region
  account_id                 = local.account_id
  image_repository_url       = module.ecr.repository_url
  image_tag                  = var.image_tag
  min_instances              = 1
  max_instances              = 1
  app_hostname               = var.app_hostname
  mta_sts_hostname           = "mta-sts.${var.domain}"
  domain                     = var.domain
  table_name                 = module.dynamodb.table_name
  table_arn                  = module.dynamodb.table_arn
  bucket_name                = module.storage.bucket_name
  bucket_arn                 = module.storage.bucket_arn
  inbound_queue_url          = module.inbound_pipeline.queue_url
  inbound_queue_arn          = module.inbound_pipeline.queue_arn
  outbound_events_queue_url  = module.outbound_events.queue_url
  outbound_events_queue_arn  = module.outbound_events.queue_arn
  secrets_key_id             = module.kms.key_id
  secrets_key_arn            = module.kms.key_arn
  ses_identity_arn           = module.ses_domain.identity_arn
  ses_configuration_set_arn  = module.outbound_events.configuration_set_arn
  notification_from_address  = var.notification_from_address
  notification_smtp_username = module.notifier.smtp_username
  oidc_authority             = module.cognito.issuer
  oidc_client_id             = module.cognito.client_id
  oidc_logout_url            = module.cognito.logout_url
  admin_group_name           = module.cognito.admin_group_name
  google_client_id           = var.google_client_id
  google_client_secret_arn   = module.app_secrets.google_client_secret_arn
  oidc_client_secret_arn     = module.app_secrets.oidc_client_secret_arn
  smtp_password_secret_arn   = module.app_secrets.smtp_password_arn
  extra_environment          = var.extra_app_settings
}

module "monitoring" {
  source                  = "../../modules/monitoring"
  name_prefix             = local.name_prefix
  alert_email             = var.alert_email
  dead_letter_queue_names = [module.inbound_pipeline.dlq_name, module.outbound_events.dlq_name]
  inbound_queue_name      = module.inbound_pipeline.queue_name
  app_runner_service_name = module.app_runner.service_name
  app_runner_service_id   = module.app_runner.service_id
}
