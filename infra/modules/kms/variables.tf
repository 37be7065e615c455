variable "alias_name" {
  description = "Alias without the alias/ prefix, e.g. mailrelay-prod-secrets."
  type        = string
}

variable "deletion_window_in_days" {
  description = "Waiting period before a scheduled key deletion: everything encrypted with the key is lost after it."
  type        = number
  default     = 30
}
