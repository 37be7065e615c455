variable "domain" {
  description = "The mail domain SES receives for and SMTP users send from, e.g. example.com."
  type        = string
}

variable "region" {
  description = "The SES region (inbound MX and MAIL FROM feedback host depend on it)."
  type        = string
}

variable "mail_from_subdomain" {
  description = "Custom MAIL FROM subdomain label; bounces go to <label>.<domain> so SPF aligns with the domain."
  type        = string
  default     = "mail"
}

variable "spf_qualifier" {
  description = "How receivers treat senders SPF does not list: ~all (softfail) or -all (fail)."
  type        = string
  default     = "~all"
  validation {
    condition     = contains(["~all", "-all"], var.spf_qualifier)
    error_message = "spf_qualifier must be ~all or -all."
  }
}

variable "dmarc_policy" {
  description = "DMARC p= value. Start at none while checking reports, then quarantine, then reject."
  type        = string
  default     = "quarantine"
  validation {
    condition     = contains(["none", "quarantine", "reject"], var.dmarc_policy)
    error_message = "dmarc_policy must be none, quarantine or reject."
  }
}

variable "dmarc_report_address" {
  description = "Where aggregate DMARC reports go (rua). Empty = no reports requested."
  type        = string
  default     = ""
}

variable "tls_rpt_address" {
  description = "Where SMTP TLS reports go (TLS-RPT rua)."
  type        = string
}

variable "mta_sts_policy_id" {
  description = "MTA-STS policy id; change it whenever the policy served at mta-sts.<domain> changes."
  type        = string
}
