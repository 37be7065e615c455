variable "name_prefix" {
  type = string
}

variable "region" {
  type = string
}

variable "domain_prefix" {
  description = "Hosted UI domain prefix: https://<prefix>.auth.<region>.amazoncognito.com (globally unique)."
  type        = string
}

variable "app_base_url" {
  description = "Where users reach the app, e.g. https://relay.example.com (no trailing slash)."
  type        = string
}

variable "admin_group_name" {
  description = "Members are MailRelay admins (SignIn:Oidc:AdminGroup)."
  type        = string
  default     = "mailrelay-admins"
}

variable "deletion_protection" {
  type    = bool
  default = false
}
