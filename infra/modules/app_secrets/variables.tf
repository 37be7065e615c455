variable "name_prefix" {
  type = string
}

variable "google_client_secret" {
  description = "The Google OAuth client's secret (pass as TF_VAR_google_client_secret; never commit it)."
  type        = string
  sensitive   = true
}

variable "oidc_client_secret" {
  description = "The Cognito app client's secret."
  type        = string
  sensitive   = true
}

variable "smtp_password" {
  description = "The notifier's SES SMTP password."
  type        = string
  sensitive   = true
}

variable "recovery_window_in_days" {
  description = "0 deletes at once (test); 7-30 keeps a deleted secret restorable (prod)."
  type        = number
  default     = 7
}
