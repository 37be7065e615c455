variable "name" {
  description = "Topic and queue name; the dead-letter queue is <name>-dlq."
  type        = string
}

variable "account_id" {
  description = "SES may publish to the topic only on behalf of this account."
  type        = string
}

variable "publisher_sid" {
  description = "Sid of the topic policy statement that lets SES publish (kept per caller so the policies do not change)."
  type        = string
}

variable "max_receive_count" {
  description = "Receives before a message moves to the dead-letter queue (a message the app cannot store keeps failing; park it for an operator)."
  type        = number
  default     = 5
}

variable "visibility_timeout_seconds" {
  description = "Default visibility timeout; the app also sets one on each receive (Inbound:Sqs:VisibilityTimeoutSeconds)."
  type        = number
  default     = 300
}

variable "message_retention_seconds" {
  type    = number
  default = 345600 # 4 days
}

variable "dlq_message_retention_seconds" {
  description = "The DLQ keeps messages the longest allowed (14 days) so an operator has time to redrive them."
  type        = number
  default     = 1209600
}
