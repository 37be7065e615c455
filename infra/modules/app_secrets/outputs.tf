output "google_client_secret_arn" {
  value = aws_secretsmanager_secret.app["google_client_secret"].arn
}

output "oidc_client_secret_arn" {
  value = aws_secretsmanager_secret.app["oidc_client_secret"].arn
}

output "smtp_password_arn" {
  value = aws_secretsmanager_secret.app["smtp_password"].arn
}

output "secret_arns" {
  value = [for s in aws_secretsmanager_secret.app : s.arn]
}
