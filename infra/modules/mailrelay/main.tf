# Everything one MailRelay environment is, wired together once: envs/test and envs/prod call this
# module with their own settings (retention, protection, sizes) and pass its outputs through.
locals {
  name_prefix = "mailrelay-${var.environment}"
  account_id  = data.aws_caller_identity.current.account_id
  # Must match what the storage bucket policy lets SES write with.
  receipt_rule_set_name = "${local.name_prefix}-rules"
  table_name            = var.table_name == "" ? "${local.name_prefix}-relay" : var.table_name
}

data "aws_caller_identity" "current" {}

module "ses_domain" {
  source               = "../ses_domain"
  domain               = var.domain
  region               = var.region
  dmarc_policy         = var.dmarc_policy
  dmarc_report_address = var.dmarc_report_address
  tls_rpt_address      = var.tls_rpt_address
  mta_sts_policy_id    = var.mta_sts_policy_id
}

module "storage" {
  source                    = "../storage"
  bucket_name               = "${local.name_prefix}-mail-${local.account_id}"
  versioning_enabled        = var.bucket_versioning
  force_destroy             = var.bucket_force_destroy
  ses_source_account        = local.account_id
  ses_receipt_rule_set_name = local.receipt_rule_set_name
}

module "inbound_pipeline" {
  source                = "../inbound_pipeline"
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
  source      = "../outbound_events"
  name_prefix = local.name_prefix
  account_id  = local.account_id
  domain      = module.ses_domain.domain
  region      = var.region
}
