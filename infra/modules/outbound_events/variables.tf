variable "name_prefix" {
  type = string
}

variable "account_id" {
  type = string
}

variable "domain" {
  description = "The sending identity whose default configuration set this becomes."
  type        = string
}

variable "region" {
  type = string
}

variable "event_types" {
  description = "SES events published for mail sent with the SMTP credentials."
  type        = list(string)
  default     = ["send", "delivery", "bounce", "complaint", "reject"]
}

variable "max_receive_count" {
  type    = number
  default = 5
}

variable "set_as_default_configuration_set" {
  description = "Make the set the domain identity's default (runs the aws CLI once: the provider has no resource for it), so SMTP clients need no X-SES-CONFIGURATION-SET header."
  type        = bool
  default     = true
}
