output "bucket_name" {
  value = aws_s3_bucket.mail.id
}

output "bucket_arn" {
  value = aws_s3_bucket.mail.arn
}

output "inbound_prefix" {
  value = var.inbound_prefix
}

output "bucket_policy_id" {
  description = "Depend on this before creating a receipt rule: SES checks it may write when the rule is created."
  value       = aws_s3_bucket_policy.mail.id
}
