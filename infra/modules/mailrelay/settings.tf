# What differs between environments: protection and retention of data, and sizes. No defaults
# for the data-protection ones, so every environment states them (prod keeps everything, test throws
# it away on destroy).

variable "bucket_versioning" {
  description = "Keep versions of the mail bucket's objects."
  type        = bool
}

variable "bucket_force_destroy" {
  description = "Let terraform destroy empty the mail bucket first (test only)."
  type        = bool
}

variable "table_point_in_time_recovery" {
  description = "DynamoDB point-in-time recovery (docs/backup-and-recovery.md)."
  type        = bool
}

variable "table_deletion_protection" {
  type = bool
}

variable "cognito_deletion_protection" {
  type = bool
}

variable "kms_deletion_window_in_days" {
  description = "Days a deleted secrets key can still be restored (7 to 30)."
  type        = number
}

variable "secrets_recovery_window_in_days" {
  description = "Days a deleted Secrets Manager secret can still be restored (0 = deleted at once, or 7 to 30)."
  type        = number
}

variable "min_instances" {
  description = "App Runner instances kept running (at least 1: the jobs run in the web process)."
  type        = number
  default     = 1
}

variable "max_instances" {
  description = "See modules/app_runner: keep 1 until Blazor Server circuits are checked without sticky sessions."
  type        = number
  default     = 1
}
