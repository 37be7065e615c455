variable "name_prefix" {
  type = string
}

variable "sending_identity_arn" {
  description = "The SES domain identity notifications are sent from."
  type        = string
}

variable "configuration_set_arn" {
  description = "The identity's default configuration set: SES authorizes sending against it too."
  type        = string
}

variable "from_address" {
  description = "The only From address the notifier may use, e.g. mailrelay@example.com."
  type        = string
}
