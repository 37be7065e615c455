variable "environment" {
  description = "test or prod: names every resource mailrelay-<environment>-..."
  type        = string
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*$", var.environment))
    error_message = "environment must be lower-case letters, digits and dashes (it is part of bucket and queue names)."
  }
}

variable "region" {
  description = "An SES region with email receiving, e.g. eu-west-1 or us-east-1."
  type        = string
  validation {
    condition     = contains(["us-east-1", "us-east-2", "us-west-2", "ca-central-1", "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "eu-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "il-central-1"], var.region)
    error_message = "region must be an SES region that receives email (see the SES endpoints page)."
  }
}

variable "domain" {
  description = "The mail domain, e.g. example.com."
  type        = string
}

variable "app_hostname" {
  description = "Where users reach the app, e.g. relay.example.com."
  type        = string
}

variable "image_tag" {
  description = "The ECR image tag to run (pushed before apply; see docs/deployment.md)."
  type        = string
}

variable "cognito_domain_prefix" {
  description = "Globally unique prefix of the Cognito hosted UI."
  type        = string
}

variable "google_client_id" {
  description = "The Google OAuth client (a Web application client) users grant Gmail import to."
  type        = string
}

variable "google_client_secret" {
  description = "Set with TF_VAR_google_client_secret; stored in Secrets Manager."
  type        = string
  sensitive   = true
}

variable "notification_from_address" {
  description = "From of the app's own emails; must be on the domain, e.g. mailrelay@example.com."
  type        = string
}

variable "tls_rpt_address" {
  description = "Receives SMTP TLS reports."
  type        = string
}

variable "dmarc_report_address" {
  type    = string
  default = ""
}

variable "dmarc_policy" {
  description = "none while checking the DMARC reports, then quarantine, then reject once they show only our own senders."
  type        = string
}

variable "mta_sts_policy_id" {
  description = "Change when the MTA-STS policy changes (e.g. the date: 20261122)."
  type        = string
}

variable "alert_email" {
  type    = string
  default = ""
}

variable "activate_receipt_rule_set" {
  description = "Only one receipt rule set is active per region and account: the environment that owns it sets true."
  type        = bool
}

variable "table_name" {
  description = "Empty = mailrelay-<env>-relay. Set it to adopt a table restored from a backup (docs/backup-and-recovery.md)."
  type        = string
  default     = ""
}

variable "extra_app_settings" {
  description = "More app settings as environment variables, e.g. { Forwarding__BlobRetentionDays = \"7\" }."
  type        = map(string)
  default     = {}
}
