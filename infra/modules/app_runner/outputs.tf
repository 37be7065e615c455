output "service_arn" {
  value = aws_apprunner_service.app.arn
}

output "service_id" {
  value = aws_apprunner_service.app.service_id
}

output "service_name" {
  value = aws_apprunner_service.app.service_name
}

output "service_url" {
  value = "https://${aws_apprunner_service.app.service_url}"
}

output "instance_role_arn" {
  value = aws_iam_role.instance.arn
}

output "custom_domain_records" {
  description = "CNAMEs to add: each host -> the service, plus the certificate validation records."
  value = {
    for association in [aws_apprunner_custom_domain_association.app, aws_apprunner_custom_domain_association.mta_sts] :
    association.domain_name => {
      target                         = association.dns_target
      certificate_validation_records = association.certificate_validation_records
    }
  }
}
