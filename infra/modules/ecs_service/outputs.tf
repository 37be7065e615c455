output "app_url" {
  value = "https://${var.app_hostname}"
}

output "cluster_name" {
  value = aws_ecs_cluster.app.name
}

output "service_name" {
  value = aws_ecs_service.app.name
}

output "load_balancer_dns_name" {
  description = "Where the app host and mta-sts.<domain> point (CNAME, or an alias record at Route 53)."
  value       = aws_lb.app.dns_name
}

output "load_balancer_zone_id" {
  description = "For a Route 53 alias record instead of a CNAME."
  value       = aws_lb.app.zone_id
}

output "load_balancer_arn_suffix" {
  description = "The LoadBalancer dimension of AWS/ApplicationELB metrics."
  value       = aws_lb.app.arn_suffix
}

output "target_group_arn_suffix" {
  description = "The TargetGroup dimension of AWS/ApplicationELB metrics."
  value       = aws_lb_target_group.app.arn_suffix
}

output "log_group_name" {
  value = aws_cloudwatch_log_group.app.name
}

output "dns_records" {
  description = "Per host: the CNAME target (the load balancer) and the certificate validation records to add."
  value = {
    for host in [var.app_hostname, var.mta_sts_hostname] : host => {
      target = aws_lb.app.dns_name
      certificate_validation_records = [
        for option in aws_acm_certificate.app.domain_validation_options : {
          name  = option.resource_record_name
          type  = option.resource_record_type
          value = option.resource_record_value
        } if option.domain_name == host
      ]
    }
  }
}
