resource "aws_apprunner_auto_scaling_configuration_version" "app" {
  auto_scaling_configuration_name = var.service_name
  min_size                        = var.min_instances
  max_size                        = var.max_instances
  max_concurrency                 = 100
}

resource "aws_apprunner_service" "app" {
  service_name                   = var.service_name
  auto_scaling_configuration_arn = aws_apprunner_auto_scaling_configuration_version.app.arn

  source_configuration {
    auto_deployments_enabled = false

    authentication_configuration {
      access_role_arn = aws_iam_role.access.arn
    }

    image_repository {
      image_identifier      = "${var.image_repository_url}:${var.image_tag}"
      image_repository_type = "ECR"

      image_configuration {
        port                          = "8080"
        runtime_environment_variables = merge(var.environment, local.front_environment)
        runtime_environment_secrets   = var.environment_secrets
      }
    }
  }

  instance_configuration {
    cpu               = var.cpu
    memory            = var.memory
    instance_role_arn = aws_iam_role.instance.arn
  }

  # /healthz answers while the process is alive; /readyz would take every instance out when the
  # store has a blip, and the jobs inside must keep running to retry.
  health_check_configuration {
    protocol            = "HTTP"
    path                = "/healthz"
    interval            = 10
    timeout             = 5
    healthy_threshold   = 1
    unhealthy_threshold = 5
  }

  depends_on = [aws_iam_role_policy_attachment.access, aws_iam_role_policy.instance]
}

resource "aws_apprunner_custom_domain_association" "app" {
  service_arn          = aws_apprunner_service.app.arn
  domain_name          = var.app_hostname
  enable_www_subdomain = false
}

resource "aws_apprunner_custom_domain_association" "mta_sts" {
  service_arn          = aws_apprunner_service.app.arn
  domain_name          = var.mta_sts_hostname
  enable_www_subdomain = false
}
