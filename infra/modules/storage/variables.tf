variable "bucket_name" {
  description = "The raw-mail bucket (globally unique)."
  type        = string
}

variable "versioning_enabled" {
  description = "Keep earlier versions of objects (prod: true, so a deleted or overwritten message can be restored)."
  type        = bool
}

variable "inbound_prefix" {
  description = "Where SES writes received mail; the lifecycle rule below applies to it."
  type        = string
  default     = "inbound/"
}

variable "inbound_expiration_days" {
  description = "Safety net: objects under the inbound prefix expire after this many days. MailRelay deletes a blob once every delivery is done, so only mail that waited this long is affected: keep it well above the longest a user may stay disconnected."
  type        = number
  default     = 90
}

variable "noncurrent_version_expiration_days" {
  description = "Days earlier versions are kept when versioning is on."
  type        = number
  default     = 30
}

variable "ses_source_account" {
  description = "The account whose SES receipt rules may write into the bucket."
  type        = string
}

variable "ses_receipt_rule_set_name" {
  description = "Only rules of this rule set may write (confused-deputy protection)."
  type        = string
}

variable "force_destroy" {
  description = "Let terraform destroy delete a non-empty bucket (test environments only)."
  type        = bool
  default     = false
}
