# App Runner: for accounts that already use it (closed to new customers since 2026-04-30). What the
# app is given (environment, secrets, IAM policy) comes from modules/app_runtime, shared with ECS.

variable "service_name" {
  type = string
}

variable "image_repository_url" {
  type = string
}

variable "image_tag" {
  description = "The image to run (ECR tags are immutable: one tag = one build)."
  type        = string
}

variable "cpu" {
  type    = string
  default = "1024"
}

variable "memory" {
  type    = string
  default = "2048"
}

variable "min_instances" {
  description = "At least one instance, always: the Quartz jobs (intake, forwarding, sweeps) run inside the web process."
  type        = number
  default     = 1
}

variable "max_instances" {
  description = "Must be 1: App Runner has no WebSockets, so the Blazor circuit long-polls (front.tf), and no sticky sessions, so with two instances a circuit's polls would reach an instance that does not hold it. For more than one instance use deployment_target = \"ecs\" (docs/deployment.md)."
  type        = number
  default     = 1
  validation {
    condition     = var.max_instances == 1
    error_message = "max_instances must be 1 on App Runner: without sticky sessions a Blazor circuit's long polls would reach an instance that does not hold it. Use deployment_target = \"ecs\" for more."
  }
}

variable "app_hostname" {
  description = "The app's public host name, e.g. relay.example.com (a custom domain of the service)."
  type        = string
}

variable "mta_sts_hostname" {
  description = "mta-sts.<domain>: the app serves /.well-known/mta-sts.txt on this host."
  type        = string
}

variable "environment" {
  description = "Plain environment variables (modules/app_runtime)."
  type        = map(string)
}

variable "environment_secrets" {
  description = "Environment variable name -> Secrets Manager ARN (modules/app_runtime)."
  type        = map(string)
}

variable "app_policy_json" {
  description = "The running app's IAM policy (modules/app_runtime), attached to the instance role."
  type        = string
}
