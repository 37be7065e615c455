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

variable "deployment_target" {
  description = "What runs the app: \"ecs\" (Fargate behind an Application Load Balancer: WebSockets, sticky sessions, 1 to max_tasks tasks) for every new environment; \"app_runner\" only for an account that already runs it, because App Runner is closed to new customers since 2026-04-30 and stays at one instance (no WebSockets, no sticky sessions, 120 s per request)."
  type        = string
  default     = "ecs"
  validation {
    condition     = contains(["ecs", "app_runner"], var.deployment_target)
    error_message = "deployment_target must be \"ecs\" or \"app_runner\"."
  }
}

variable "min_tasks" {
  description = "ECS: tasks always running (at least 1: the jobs run in the web process; 2 or more keep serving through a task or zone failure and a deploy)."
  type        = number
  default     = 2
  validation {
    condition     = var.min_tasks >= 1 && floor(var.min_tasks) == var.min_tasks
    error_message = "min_tasks must be a whole number, at least 1."
  }
}

variable "max_tasks" {
  description = "ECS: most tasks autoscaling runs on CPU and inbound backlog (at least min_tasks)."
  type        = number
  default     = 4
}

variable "vpc_id" {
  description = "ECS: the VPC of the load balancer and tasks; empty = the region's default VPC."
  type        = string
  default     = ""
}

variable "subnet_ids" {
  description = "ECS: subnets in two or more Availability Zones; empty = every subnet of the VPC."
  type        = list(string)
  default     = []
}

variable "min_instances" {
  description = "App Runner instances kept running (at least 1: the jobs run in the web process)."
  type        = number
  default     = 1
}

variable "max_instances" {
  description = "App Runner: must be 1 (modules/app_runner: no WebSockets, so the circuit long-polls, and no sticky sessions, so its polls must reach the one instance that holds it); use deployment_target = \"ecs\" for more."
  type        = number
  default     = 1
}
