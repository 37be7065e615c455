# The environment's inputs (terraform.tfvars, TF_VAR_...); modules/mailrelay/variables.tf describes each.

variable "region" {
  type = string
}

variable "domain" {
  type = string
}

variable "app_hostname" {
  type = string
}

variable "image_tag" {
  type = string
}

variable "cognito_domain_prefix" {
  type = string
}

variable "google_client_id" {
  type = string
}

variable "google_client_secret" {
  type      = string
  sensitive = true
}

variable "notification_from_address" {
  type = string
}

variable "tls_rpt_address" {
  type = string
}

variable "dmarc_report_address" {
  type    = string
  default = ""
}

variable "dmarc_policy" {
  description = "Move to reject once the DMARC reports show only our own senders."
  type        = string
  default     = "quarantine"
}

variable "mta_sts_policy_id" {
  type = string
}

variable "alert_email" {
  type    = string
  default = ""
}

variable "activate_receipt_rule_set" {
  description = "Only one receipt rule set is active per region and account: prod owns it."
  type        = bool
  default     = true
}

variable "table_name" {
  type    = string
  default = ""
}

variable "extra_app_settings" {
  type    = map(string)
  default = {}
}
