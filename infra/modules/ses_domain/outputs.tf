output "domain" {
  value = aws_ses_domain_identity.this.domain
}

output "identity_arn" {
  value = aws_ses_domain_identity.this.arn
}

output "verification_token" {
  value = aws_ses_domain_identity.this.verification_token
}

output "dkim_tokens" {
  value = aws_ses_domain_dkim.this.dkim_tokens
}

output "mail_from_domain" {
  value = aws_ses_domain_mail_from.this.mail_from_domain
}

output "verification_record" {
  description = "TXT _amazonses.<domain>: proves to SES that we own the domain."
  value       = local.verification_record
}

output "dkim_records" {
  description = "Three CNAMEs <token>._domainkey.<domain> -> <token>.dkim.amazonses.com."
  value       = local.dkim_records
}

output "inbound_mx_record" {
  description = "MX <domain> -> inbound-smtp.<region>.amazonaws.com: makes SES receive the domain's mail."
  value       = local.inbound_mx_record
}

output "spf_record" {
  value = local.spf_record
}

output "dmarc_record" {
  value = local.dmarc_record
}

output "mail_from_mx_record" {
  value = local.mail_from_mx_record
}

output "mail_from_spf_record" {
  value = local.mail_from_spf_record
}

output "mta_sts_record" {
  value = local.mta_sts_record
}

output "tls_rpt_record" {
  value = local.tls_rpt_record
}
