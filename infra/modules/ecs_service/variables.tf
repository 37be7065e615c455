# ECS on Fargate behind an Application Load Balancer: for accounts without App Runner, and for more
# than one instance. What the app is given (environment, secrets, IAM policy) comes from
# modules/app_runtime, shared with App Runner.

variable "service_name" {
  description = "Names the cluster, service, load balancer, roles and log group."
  type        = string
}

variable "region" {
  type = string
}

variable "image_repository_url" {
  type = string
}

variable "image_tag" {
  description = "The image to run (ECR tags are immutable: one tag = one build)."
  type        = string
}

variable "app_hostname" {
  description = "The app's public host name, e.g. relay.example.com: the certificate's name, a CNAME to the load balancer."
  type        = string
}

variable "mta_sts_hostname" {
  description = "mta-sts.<domain>: on the certificate too; the app serves /.well-known/mta-sts.txt on this host."
  type        = string
}

variable "environment" {
  description = "Plain environment variables (modules/app_runtime)."
  type        = map(string)
}

variable "environment_secrets" {
  description = "Environment variable name -> Secrets Manager ARN (modules/app_runtime): the task execution role reads them at start."
  type        = map(string)
}

variable "app_policy_json" {
  description = "The running app's IAM policy (modules/app_runtime), attached to the task role."
  type        = string
}

variable "inbound_queue_name" {
  description = "The stack's inbound queue: its backlog (ApproximateNumberOfMessagesVisible) per task scales the service."
  type        = string
}

variable "min_tasks" {
  description = "Tasks always running, and the desired count of a new service. At least 1 (the jobs run in the web process); 2 or more keep serving while a task or an Availability Zone fails."
  type        = number
  default     = 2
  validation {
    condition     = var.min_tasks >= 1 && floor(var.min_tasks) == var.min_tasks
    error_message = "min_tasks must be a whole number, at least 1."
  }
}

variable "max_tasks" {
  description = "Most tasks autoscaling may run (at least min_tasks)."
  type        = number
  default     = 4
  validation {
    condition     = var.max_tasks >= 1 && floor(var.max_tasks) == var.max_tasks
    error_message = "max_tasks must be a whole number, at least 1."
  }
}

variable "cpu" {
  description = "Fargate task CPU units (1024 = 1 vCPU), as App Runner's default."
  type        = number
  default     = 1024
}

variable "memory" {
  description = "Fargate task memory (MiB), as App Runner's default."
  type        = number
  default     = 2048
}

variable "vpc_id" {
  description = "Empty = the region's default VPC."
  type        = string
  default     = ""
}

variable "subnet_ids" {
  description = "Subnets (two or more Availability Zones) of the load balancer and the tasks. Empty = every subnet of the VPC (the default VPC's are public)."
  type        = list(string)
  default     = []
}

variable "assign_public_ip" {
  description = "Tasks in public subnets need a public IP to reach ECR, AWS APIs and Google (they still accept traffic only from the load balancer). Set false for private subnets with a NAT gateway or VPC endpoints."
  type        = bool
  default     = true
}

variable "cpu_target_percent" {
  description = "Average CPU of the service that autoscaling keeps."
  type        = number
  default     = 60
}

variable "inbound_backlog_per_task" {
  description = "Inbound notifications waiting per running task that autoscaling keeps (more waiting = more tasks)."
  type        = number
  default     = 50
}

variable "idle_timeout_seconds" {
  description = "The load balancer closes a connection idle this long. Blazor Server's WebSocket pings every 15 s; an hour leaves room for long-lived circuits and slow uploads."
  type        = number
  default     = 3600
}

variable "deregistration_delay_seconds" {
  description = "How long a stopping task keeps its open requests (draining) before ECS stops it. Circuits on it reconnect to another task."
  type        = number
  default     = 60
}

variable "log_retention_in_days" {
  type    = number
  default = 30
}
