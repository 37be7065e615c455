# An environment's inputs: envs/<env>.tfvars states them (secrets through TF_VAR_...);
# modules/mailrelay/variables.tf and settings.tf describe each.

variable "environment" {
  description = "test or prod: names every resource mailrelay-<environment>-... and tags it."
  type        = string
}

# Data protection: no defaults, so every environment's file states them.

variable "bucket_versioning" {
  type = bool
}

variable "bucket_force_destroy" {
  type = bool
}

variable "table_point_in_time_recovery" {
  type = bool
}

variable "table_deletion_protection" {
  type = bool
}

variable "cognito_deletion_protection" {
  type = bool
}

variable "kms_deletion_window_in_days" {
  type = number
}

variable "secrets_recovery_window_in_days" {
  type = number
}

# The site.

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
  description = "none, quarantine or reject: move towards reject once the DMARC reports show only our own senders."
  type        = string
}

variable "mta_sts_policy_id" {
  type = string
}

variable "alert_email" {
  type    = string
  default = ""
}

variable "activate_receipt_rule_set" {
  description = "Only one receipt rule set is active per region and account: prod owns it; false for test when it shares prod's account and region."
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

# What runs the app (modules/mailrelay/settings.tf): no default here, so every environment's file
# states it and an existing environment never moves by itself.

variable "deployment_target" {
  description = "ecs (every new environment) or app_runner (only an account that already runs it: App Runner is closed to new customers since 2026-04-30 and stays at one instance)."
  type        = string
}

variable "min_tasks" {
  description = "ECS: tasks always running (at least 1; 2 or more for availability)."
  type        = number
  default     = 2
}

variable "max_tasks" {
  type    = number
  default = 4
}

variable "vpc_id" {
  description = "ECS: empty = the region's default VPC."
  type        = string
  default     = ""
}

variable "subnet_ids" {
  description = "ECS: empty = every subnet of the VPC."
  type        = list(string)
  default     = []
}
