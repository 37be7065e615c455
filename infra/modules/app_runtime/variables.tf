# The app's runtime: environment, secrets and IAM policy, whichever target runs it (App Runner or ECS).

variable "region" {
  type = string
}

variable "account_id" {
  type = string
}

variable "app_hostname" {
  description = "The app's public host name, e.g. relay.example.com: its base URL in links and OAuth redirects."
  type        = string
}

variable "domain" {
  description = "The sending domain SMTP users may be allowed to send from."
  type        = string
}

variable "table_name" {
  type = string
}

variable "table_arn" {
  type = string
}

variable "bucket_name" {
  type = string
}

variable "bucket_arn" {
  type = string
}

variable "inbound_queue_url" {
  type = string
}

variable "inbound_queue_arn" {
  type = string
}

variable "outbound_events_queue_url" {
  type = string
}

variable "outbound_events_queue_arn" {
  type = string
}

variable "secrets_key_id" {
  type = string
}

variable "secrets_key_arn" {
  type = string
}

variable "ses_identity_arn" {
  type = string
}

variable "ses_configuration_set_arn" {
  description = "The domain's default configuration set: SES authorizes sending against it too."
  type        = string
}

variable "notification_from_address" {
  description = "From of the app's own emails, e.g. mailrelay@example.com."
  type        = string
}

variable "notification_smtp_username" {
  type = string
}

variable "oidc_authority" {
  type = string
}

variable "oidc_client_id" {
  type = string
}

variable "oidc_logout_url" {
  type = string
}

variable "admin_group_name" {
  type    = string
  default = "mailrelay-admins"
}

variable "google_client_id" {
  type = string
}

variable "google_client_secret_arn" {
  type = string
}

variable "oidc_client_secret_arn" {
  type = string
}

variable "smtp_password_secret_arn" {
  type = string
}

variable "metrics_namespace" {
  description = "CloudWatch namespace of the app's EMF metrics (Metrics:Namespace)."
  type        = string
  default     = "MailRelay"
}

variable "extra_environment" {
  description = "More settings, e.g. { \"Forwarding__BlobRetentionDays\" = \"7\" }. They cannot replace the ones this module sets."
  type        = map(string)
  default     = {}
}
