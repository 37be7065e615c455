variable "name_prefix" {
  type = string
}

variable "alert_email" {
  description = "Subscribed to the alerts topic (confirm the subscription email). Empty = no email subscription."
  type        = string
  default     = ""
}

variable "dead_letter_queue_names" {
  description = "Every DLQ: one message in any of them means mail or an event the app could not handle."
  type        = list(string)
}

variable "inbound_queue_name" {
  type = string
}

variable "queue_age_threshold_seconds" {
  description = "Alarm when the oldest inbound notification waits longer than this (the app is not reading)."
  type        = number
  default     = 900
}

variable "deployment_target" {
  description = "app_runner or ecs: which service's 5xx metrics to alarm on."
  type        = string
}

variable "app_runner_service_name" {
  description = "App Runner only (null on ECS)."
  type        = string
  default     = null
}

variable "app_runner_service_id" {
  description = "App Runner only (null on ECS)."
  type        = string
  default     = null
}

variable "load_balancer_arn_suffix" {
  description = "ECS only (null on App Runner): the LoadBalancer dimension of AWS/ApplicationELB."
  type        = string
  default     = null
}

variable "target_group_arn_suffix" {
  description = "ECS only (null on App Runner): the TargetGroup dimension of AWS/ApplicationELB."
  type        = string
  default     = null
}

variable "http_5xx_threshold" {
  description = "5xx responses per 5 minutes that raise an alarm (each 5xx metric of the target)."
  type        = number
  default     = 5
}

variable "metrics_namespace" {
  description = "Namespace of the app's EMF metrics (Metrics:Namespace)."
  type        = string
  default     = "MailRelay"
}

variable "error_metrics" {
  description = "EMF metrics (no dimensions) whose sum over 5 minutes above the threshold raises an alarm."
  type        = map(number)
  default = {
    DeliveriesFailed       = 0
    SmtpProvisioningFailed = 0
  }
}
