output "smtp_username" {
  value = aws_iam_access_key.notifier.id
}

output "smtp_password" {
  value     = aws_iam_access_key.notifier.ses_smtp_password_v4
  sensitive = true
}
