variable "table_name" {
  type = string
}

variable "point_in_time_recovery" {
  description = "Continuous backups, restorable to any second of the last 35 days (prod: true)."
  type        = bool
}

variable "deletion_protection" {
  description = "Refuse DeleteTable (prod: true)."
  type        = bool
  default     = false
}

variable "kms_key_arn" {
  description = "Customer managed key for encryption at rest; null = the AWS managed key for DynamoDB."
  type        = string
  default     = null
}
