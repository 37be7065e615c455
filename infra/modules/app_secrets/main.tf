# App Runner injects these as environment variables at start (runtime_environment_secrets), so
# no secret sits in the service's plain configuration or in the image. Terraform state holds
# the values too: keep the state bucket encrypted and private.
locals {
  secrets = {
    google_client_secret = var.google_client_secret
    oidc_client_secret   = var.oidc_client_secret
    smtp_password        = var.smtp_password
  }
}

resource "aws_secretsmanager_secret" "app" {
  for_each                = local.secrets
  name                    = "${var.name_prefix}/${replace(each.key, "_", "-")}"
  recovery_window_in_days = var.recovery_window_in_days
}

resource "aws_secretsmanager_secret_version" "app" {
  for_each      = local.secrets
  secret_id     = aws_secretsmanager_secret.app[each.key].id
  secret_string = each.value
}
