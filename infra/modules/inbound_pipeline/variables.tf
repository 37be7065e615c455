variable "name_prefix" {
  description = "Prefix of every name, e.g. mailrelay-prod."
  type        = string
}

variable "domain" {
  description = "The receipt rule accepts mail for this domain and its addresses."
  type        = string
}

variable "account_id" {
  type = string
}

variable "receipt_rule_set_name" {
  description = "Must be the name the storage module's bucket policy allows."
  type        = string
}

variable "bucket_name" {
  type = string
}

variable "object_key_prefix" {
  description = "SES writes each message to <prefix><SES message id>; the app reads the key from the notification."
  type        = string
  default     = "inbound/"
}

variable "bucket_policy_id" {
  description = "The storage module's bucket policy: SES checks it may write when the rule is created."
  type        = string
}

variable "max_receive_count" {
  type    = number
  default = 5
}

variable "require_tls" {
  description = "Reject senders that do not use TLS (Require) instead of accepting plain SMTP (Optional)."
  type        = bool
  default     = false
}

variable "activate_rule_set" {
  description = "Make this the active receipt rule set. A region has only one active set: turn this off if another stack owns it."
  type        = bool
  default     = true
}
